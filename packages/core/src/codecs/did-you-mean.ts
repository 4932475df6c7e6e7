/** Lower case, without `_` and `-`: `voucher_no`, `VoucherNo` and `voucherNo` read the same. */
const folded = (s: string): string => s.toLowerCase().replace(/[_-]/g, '');

const at = (row: readonly number[], j: number): number => row[j] ?? 0;

/**
 * Damerau-Levenshtein distance (optimal string alignment): the insertions,
 * deletions, substitutions and swaps of two neighbours that turn `a` into `b`.
 */
export const editDistance = (a: string, b: string): number => {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      const options = [at(previous, j) + 1, at(row, j - 1) + 1, at(previous, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1)];
      row.push(Math.min(...options, swapped ? at(before, j - 2) + 1 : Infinity));
    }
    before = previous;
    previous = row;
  }
  return at(previous, b.length);
};

/**
 * The known field a mistyped key probably meant: one that differs only in case,
 * `_` or `-`, or else the nearest within an edit distance of 2 (1 for keys of
 * four letters or fewer, where 2 edits turn `note` into `date`). Ties go to the
 * field listed first.
 */
export const closestField = (key: string, known: readonly string[]): string | undefined => {
  const exact = known.find((field) => folded(field) === folded(key));
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const field of known) {
    const limit = Math.min(key.length, field.length) <= 4 ? 1 : 2;
    const distance = editDistance(key.toLowerCase(), field.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  return best;
};
