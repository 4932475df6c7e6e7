import * as t from 'io-ts';
import { Yuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import type { JsonObject } from '../../kernel/event.js';
import { AccountCode, FiscalYear, VoucherLine } from './voucher-codec.js';

const isRecord = (u: unknown): u is JsonObject => typeof u === 'object' && u !== null && !Array.isArray(u);

/** A JSON object whose parts another codec reads (each sub-ledger its own register). */
const JsonRecord = new t.Type<JsonObject, JsonObject>(
  'a JSON object',
  isRecord,
  (u, c) => (isRecord(u) ? t.success(u) : t.failure(u, c, 'expected a JSON object')),
  (a) => a,
);

/** A balance carried into the next year: a signed amount, debit positive, credit negative. */
export const CarriedBalance = t.type({ account: AccountCode, balance: Yuan });
export type CarriedBalance = t.TypeOf<typeof CarriedBalance>;

/**
 * 年终结账: the closing entries (profit-and-loss accounts into 321 本年收益, then
 * 321 and the other 322 sub-accounts into 未分配收益) and the balances carried
 * into the next year after them. Once recorded the year accepts no voucher.
 */
export const YearClosedData = struct('a year-end close', {
  organizationId: Id,
  year: FiscalYear,
  closedOn: IsoDate,
  /** The closing entries; empty when no profit-and-loss account moved. */
  entries: t.array(VoucherLine),
  /** Current-year income (本年收益): income less expenses, negative for a loss. */
  netIncome: Yuan,
  /** Every non-zero balance after the close, debit positive: next year's opening balances. */
  carried: t.array(CarriedBalance),
}, {
  /**
   * What each sub-ledger carries into the next year, by its name (`assets`:
   * the asset register; `shares`: the dividends declared and not yet paid),
   * as each one's own JSON. Closes recorded before registers were carried
   * lack it; the next year then rebuilds them from the years before.
   */
  registers: JsonRecord,
});
export type YearClosedData = t.TypeOf<typeof YearClosedData>;
