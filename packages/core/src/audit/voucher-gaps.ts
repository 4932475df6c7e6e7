import { warning, type BookProblem } from './problem.js';

const NUMBERED = /^(.*?)(\d+)$/;
const SHOWN = 10;

/**
 * 断号: the numbers missing in each voucher series of a year (`记-001`,
 * `记-003`: `记-002` is missing), one warning per series. A number is the
 * digits that end it; what comes before them names the series.
 */
export const voucherGaps = (village: string, year: number, voucherNos: readonly string[]): BookProblem[] => {
  const series = new Map<string, { width: number; numbers: Set<bigint> }>();
  for (const voucherNo of voucherNos) {
    const match = NUMBERED.exec(voucherNo);
    if (match === null) continue;
    const [, prefix = '', digits = ''] = match;
    const entry = series.get(prefix) ?? { width: digits.length, numbers: new Set<bigint>() };
    // A bigint: a voucher number may have more digits than a JS number holds exactly.
    entry.numbers.add(BigInt(digits));
    series.set(prefix, entry);
  }
  const problems: BookProblem[] = [];
  for (const [prefix, { width, numbers }] of [...series].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const { count, first } = missingIn(numbers);
    if (count === 0n) continue;
    const shown = first.map((n) => `${prefix}${n.toString().padStart(width, '0')}`).join(', ') + (count > BigInt(first.length) ? ` and ${count - BigInt(first.length)} more` : '');
    problems.push(warning('VOUCHER_NUMBER_GAP', `${year} of ${village}: ${count} number${count === 1n ? '' : 's'} of the series ${prefix} missing: ${shown}`));
  }
  return problems;
};

/**
 * How many numbers from 1 up to the largest used are not used, and the first
 * SHOWN of them: counted gap by gap, never one by one, so a number such as
 * 记-99999999999 costs no more than 记-002.
 */
const missingIn = (numbers: ReadonlySet<bigint>): { count: bigint; first: bigint[] } => {
  const used = [...numbers].filter((n) => n >= 1n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const first: bigint[] = [];
  let count = 0n;
  let next = 1n;
  for (const n of used) {
    if (n > next) count += n - next;
    for (let m = next; m < n && first.length < SHOWN; m += 1n) first.push(m);
    next = n + 1n;
  }
  return { count, first };
};
