/**
 * 账龄: the bands of an overdue instalment's age, in days since its due date
 * (an instalment is overdue from the day after it falls due, aged 1 day).
 * Each band includes both its limits; the last has no upper limit.
 */
export const AGE_BANDS = [
  { band: 'up-to-30', from: 1, to: 30 },
  { band: '31-90', from: 31, to: 90 },
  { band: '91-180', from: 91, to: 180 },
  { band: '181-365', from: 181, to: 365 },
  { band: 'over-365', from: 366, to: undefined },
] as const;

export type AgeBand = (typeof AGE_BANDS)[number]['band'];

/** The band of an age in days (1 or more). */
export const ageBandOf = (days: number): AgeBand => AGE_BANDS.find((b) => b.to === undefined || days <= b.to)?.band ?? 'over-365';
