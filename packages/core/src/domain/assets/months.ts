import { daysInMonth } from '../../codecs/primitives.js';

/** The month of a date: `2023-05-10` → `2023-05`. */
export const monthOf = (date: string): string => date.slice(0, 7);

const parts = (month: string): [number, number] => [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
const format = (year: number, month: number): string => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;

/** The month after: `2023-12` → `2024-01`. */
export const nextMonth = (month: string): string => {
  const [year, m] = parts(month);
  return m === 12 ? format(year + 1, 1) : format(year, m + 1);
};

/** The month before: `2024-01` → `2023-12`. */
export const previousMonth = (month: string): string => {
  const [year, m] = parts(month);
  return m === 1 ? format(year - 1, 12) : format(year, m - 1);
};

/** The last day of a month, `2024-02` → `2024-02-29`: a monthly run's business date. */
export const lastDayOf = (month: string): string => {
  const [year, m] = parts(month);
  return `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
};
