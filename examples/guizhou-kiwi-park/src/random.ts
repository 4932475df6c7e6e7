/**
 * A small seeded generator (mulberry32), so the example ledger is the same on
 * every machine. It picks counts and whole fen, never money as a float.
 */
export const seeded = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** An integer in [min, max]. */
export const intBetween = (random: () => number, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

/** A whole number of fen in [min, max] yuan, as a bigint: exact by construction. */
export const fenBetween = (random: () => number, minYuan: number, maxYuan: number): bigint =>
  BigInt(minYuan) * 100n + BigInt(Math.floor(random() * (maxYuan - minYuan) * 100));

/** Fen as a yuan string, for the inputs of the services. */
export const yuan = (fen: bigint): string => {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};

/** Deterministic uuid-shaped ids for reproducible ledgers. */
export const sequentialIds = (prefix: number): (() => string) => {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  };
};

/**
 * `total` whole units (fen, or tenths of a mu) split in proportion to whole
 * `weights`, by largest remainders (ties to the earlier): the parts add up
 * exactly to `total`.
 */
export const splitUnits = (total: bigint, weights: readonly bigint[]): bigint[] => {
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum <= 0n) throw new Error('splitUnits: the weights add up to nothing');
  const parts = weights.map((w) => (total * w) / sum);
  const order = weights.map((w, i) => ({ i, rest: (total * w) % sum })).sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  let left = total - parts.reduce((s, p) => s + p, 0n);
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts;
};

/** Tenths of a mu as an area string ("12.5"). */
export const mu = (tenths: bigint): string => `${tenths / 10n}.${tenths % 10n}`;
