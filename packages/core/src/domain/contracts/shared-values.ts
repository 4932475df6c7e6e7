/**
 * One copy of each equal date and amount the contract registers keep. A
 * district's contracts repeat a few hundred dates and amounts across
 * millions of instalments, recognitions and payments; each decoded event
 * brings its own copies, which the registers would otherwise keep for
 * years. The value handed back is always equal to the one given, so sharing
 * changes no result. The tables are bounded: once one holds `LIMIT`
 * entries it starts afresh.
 */
const LIMIT = 65_536;

const dates = new Map<string, string>();
const amounts = new Map<bigint, bigint>();

const shared = <T>(table: Map<T, T>, value: T): T => {
  const known = table.get(value);
  if (known !== undefined) return known;
  if (table.size >= LIMIT) table.clear();
  table.set(value, value);
  return value;
};

/** The shared copy of an ISO date. */
export const sharedDate = (date: string): string => shared(dates, date);

/** The shared copy of an amount in fen. */
export const sharedFen = (fen: bigint): bigint => shared(amounts, fen);
