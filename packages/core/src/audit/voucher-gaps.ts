import { warning, type BookProblem } from './problem.js';

const NUMBERED = /^(.*?)(\d+)$/;
const SHOWN = 10;

/**
 * 断号: the numbers missing in each voucher series of a year (`记-001`,
 * `记-003`: `记-002` is missing), one warning per series. A number is the
 * digits that end it; what comes before them names the series.
 */
export const voucherGaps = (village: string, year: number, voucherNos: readonly string[]): BookProblem[] => {
  const series = new Map<string, { width: number; numbers: Set<number> }>();
  for (const voucherNo of voucherNos) {
    const match = NUMBERED.exec(voucherNo);
    if (match === null) continue;
    const [, prefix = '', digits = ''] = match;
    const entry = series.get(prefix) ?? { width: digits.length, numbers: new Set<number>() };
    entry.numbers.add(Number(digits));
    series.set(prefix, entry);
  }
  const problems: BookProblem[] = [];
  for (const [prefix, { width, numbers }] of [...series].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const max = Math.max(...numbers);
    const missing: string[] = [];
    for (let n = 1; n < max; n += 1) if (!numbers.has(n)) missing.push(`${prefix}${String(n).padStart(width, '0')}`);
    if (missing.length === 0) continue;
    const shown = missing.slice(0, SHOWN).join(', ') + (missing.length > SHOWN ? ` and ${missing.length - SHOWN} more` : '');
    problems.push(warning('VOUCHER_NUMBER_GAP', `${year} of ${village}: ${missing.length} number${missing.length === 1 ? '' : 's'} of the series ${prefix} missing: ${shown}`));
  }
  return problems;
};
