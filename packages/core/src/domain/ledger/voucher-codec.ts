import * as t from 'io-ts';
import { PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString, refinedString } from '../../codecs/primitives.js';
import { arrayOf } from '../../codecs/array-of.js';
import { struct } from '../../codecs/struct.js';
import { Money } from '../../money/money.js';

export interface AccountCodeBrand {
  readonly accountCode: unique symbol;
}
/** An account code of the 2023 chart (`101`) or a sub-account extending one (`15101`, `1510101`). */
export type AccountCode = t.Branded<string, AccountCodeBrand>;
export const AccountCode = refinedString<AccountCodeBrand>(
  'an account code (3 digits, optionally followed by pairs of digits)',
  (s) => /^\d{3}(\d{2})*$/.test(s),
);

/** A calendar (fiscal) year: the books of rural collectives follow the calendar year. */
export const FiscalYear = new t.Type<number, number, unknown>(
  'a year (1949 to 2999)',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 1949 && u <= 2999,
  (u, c) =>
    typeof u === 'number' && Number.isInteger(u) && u >= 1949 && u <= 2999 ? t.success(u) : t.failure(u, c, 'expected a year (1949 to 2999)'),
  (a) => a,
);

export const EntrySide = t.keyof({ debit: null, credit: null }, 'debit or credit');
export type EntrySide = t.TypeOf<typeof EntrySide>;

/** One line of a voucher (分录): an account, a side and a positive amount. */
export const VoucherLine = struct('a voucher line', { account: AccountCode, side: EntrySide, amount: PositiveYuan }, { memo: t.string });
export type VoucherLine = t.TypeOf<typeof VoucherLine>;
const VoucherLines = arrayOf(VoucherLine);

const VoucherShape = struct(
  'a voucher',
  {
    organizationId: Id,
    voucherNo: NonEmptyString,
    date: IsoDate,
    /** 摘要 */
    summary: NonEmptyString,
    lines: VoucherLines,
  },
  {
    reverses: NonEmptyString,
    /** A correction of a closed year, posted in the open year (以前年度损益调整). */
    adjustsYear: FiscalYear,
  },
);
type VoucherShape = t.TypeOf<typeof VoucherShape>;

/** The fen on each side, and whether each side has a line: summed in bigint, as every replay checks it. */
const sides = (lines: readonly VoucherLine[]) => {
  const sum = { debit: 0n, credit: 0n, debitLines: 0, creditLines: 0 };
  for (const line of lines) {
    if (line.side === 'debit') {
      sum.debit += line.amount.toFen();
      sum.debitLines += 1;
    } else {
      sum.credit += line.amount.toFen();
      sum.creditLines += 1;
    }
  }
  return sum;
};

/** Why a well-shaped voucher still cannot stand: fewer than two lines, or debits ≠ credits. */
export const voucherImbalance = (voucher: Pick<VoucherShape, 'lines'>): string | undefined => {
  if (voucher.lines.length < 2) return `a voucher needs at least two lines, got ${voucher.lines.length}`;
  const sum = sides(voucher.lines);
  if (sum.debitLines === 0 || sum.creditLines === 0) return 'a voucher needs at least one debit and one credit line';
  if (sum.debit !== sum.credit) {
    return `debits ${Money.fromFen(sum.debit).toString()} differ from credits ${Money.fromFen(sum.credit).toString()}`;
  }
  return undefined;
};

/**
 * A voucher (记账凭证) as data: shape first, then the double-entry rule, so a
 * ledger file line with unbalanced lines is refused at `data.lines`.
 */
export const VoucherData = new t.Type<VoucherShape, t.OutputOf<typeof VoucherShape>, unknown>(
  'a voucher',
  (u): u is VoucherShape => VoucherShape.is(u) && voucherImbalance(u) === undefined,
  (u, c) => {
    const shaped = VoucherShape.validate(u, c);
    if (shaped._tag === 'Left') return shaped;
    const problem = voucherImbalance(shaped.right);
    if (problem === undefined) return shaped;
    const lines = (u as { lines: unknown }).lines;
    return t.failure(lines, [...c, { key: 'lines', type: VoucherLines, actual: lines }], problem);
  },
  (a) => VoucherShape.encode(a),
);
export type VoucherData = t.TypeOf<typeof VoucherData>;
