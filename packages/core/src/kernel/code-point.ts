/** Order strings by code point: the same on every machine and in every locale (ids, account codes, class ids). */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
