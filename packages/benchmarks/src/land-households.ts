/**
 * The land benchmark's households, by number: their parcels' areas (in
 * tenths of a mu), members, rent and what of 2024's rent they are paid. Pure
 * functions of the household's number, so every pass makes the same.
 */
export const pad = (n: number, width: number): string => String(n).padStart(width, '0');
export const uuid = (n: bigint): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const mu = (tenths: bigint): string => `${tenths / 10n}.${tenths % 10n}`;
export const yuan = (fen: bigint): string => `${fen / 100n}.${pad(Number(fen % 100n), 2)}`;

/** A household's parcels in tenths of a mu: a, b, c (even), b, a; the first two and half the third make half. */
export const parcelTenths = (h: number): readonly bigint[] => {
  const a = BigInt(10 + ((h * 37) % 41));
  const b = BigInt(8 + ((h * 53) % 33));
  const c = BigInt(2 * (6 + ((h * 29) % 25)));
  return [a, b, c, b, a];
};
export const transferredOf = (h: number): bigint => {
  const [a = 0n, b = 0n, c = 0n] = parcelTenths(h);
  return a + b + c / 2n;
};
export const membersOf = (h: number): number => 2 + (h % 3);
/** Yuan a mu a year in village `v`. */
export const rentPerMu = (v: number): bigint => BigInt(400 + (v % 5) * 50);
/** Of 2024's rent: every tenth household is paid nothing, every seventh the first two quarters only, the rest all four. */
export const quartersPaid = (h: number): number => (h % 10 === 9 ? 0 : h % 7 === 3 ? 2 : 4);

export const villageId = (v: number): string => `v${pad(v, 4)}`;
export const householdId = (v: number, k: number): string => `${villageId(v)}-h${pad(k, 4)}`;

