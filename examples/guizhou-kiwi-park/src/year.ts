import { land, ledger } from '@collective-ledger/core';
import type { Books } from './books.js';
import { DIVIDEND_PER_SHARE_FEN, FEE_PER_MU_FEN, type VillagePlan } from './county.js';
import type { PlannedHousehold } from './households.js';
import type { YearIncome } from './incomes.js';
import { orFail } from './or-fail.js';
import { yuan } from './random.js';
import { rentTransferId, shareTransferId } from './register.js';

/** 务工工资: the year's wages of the village's members, in date order, on the village's household-income stream. */
export const recordWages = async ({ context, envelope }: Books, v: VillagePlan, income: YearIncome, year: number): Promise<void> => {
  const sorted = [...income.wages].sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  for (const [i, w] of sorted.entries()) {
    const input: land.RecordWagesInput = { organizationId: v.organizationId, paymentId: `${v.organizationId}-w${year}-${String(i + 1).padStart(4, '0')}`, memberId: w.memberId, householdId: w.householdId, employer: w.employer, paidOn: w.paidOn, amount: yuan(w.fen), period: w.period };
    orFail(await land.recordWages(context, { ...envelope(), input }));
  }
};

type Part = 'rent' | 'guaranteed-return' | 'dividend';

/** One payment of a transfer's households: the transfer, the part, the day. */
interface Paying {
  readonly transferId: string;
  readonly part: Part;
  readonly paidOn: string;
}

/** 代付农户: what the collective holds for each household paid on to it. */
const payOn = async ({ context, envelope }: Books, v: VillagePlan, { transferId, part, paidOn }: Paying, amounts: readonly (readonly [string, bigint])[]): Promise<void> => {
  for (const [householdId, fen] of amounts) {
    if (fen === 0n) continue;
    orFail(await land.payOnLandIncome(context, { ...envelope(), input: { organizationId: v.organizationId, transferId, householdId, part, paidOn, amount: yuan(fen) } }));
  }
};

/** 代收: the operator pays the collective a transfer's year, with the collective's service fee on top of what it holds for the households. */
const collect = async ({ context, envelope }: Books, v: VillagePlan, { transferId, paidOn }: Omit<Paying, 'part'>, [heldFen, feeFen]: readonly [bigint, bigint]): Promise<void> => {
  const input = { organizationId: v.organizationId, transferId, collectedOn: paidOn, amount: yuan(heldFen + feeFen), serviceFee: yuan(feeFen) };
  orFail(await land.collectLandRent(context, { ...envelope(), input }));
};

/**
 * The land's year in the village's books: rent and guaranteed return
 * collected from the company on 18 December with the service fee and paid
 * on to the households on the 20th, the due date; then the year's land-share
 * dividend declared on the 25th, collected on the 26th and paid on the 28th;
 * the collective's year closed.
 */
export const landYear = async (books: Books, v: VillagePlan, households: readonly PlannedHousehold[], { income, year }: { readonly income: YearIncome; readonly year: number }): Promise<void> => {
  const { context, envelope } = books;
  const of = (pick: (l: { rent: bigint; guaranteed: bigint; dividend: bigint }) => bigint) => households.map((h) => [h.householdId, pick(income.land.get(h.householdId) ?? { rent: 0n, guaranteed: 0n, dividend: 0n })] as const);
  const sum = (list: readonly (readonly [string, bigint])[]) => list.reduce((s, [, f]) => s + f, 0n);
  const fee = (tenths: bigint) => (tenths * FEE_PER_MU_FEN) / 10n;
  const rent = of((l) => l.rent);
  const guaranteed = of((l) => l.guaranteed);
  const dividends = of((l) => l.dividend);
  await collect(books, v, { transferId: rentTransferId(v), paidOn: `${year}-12-18` }, [sum(rent), fee(v.rentTenths)]);
  await collect(books, v, { transferId: shareTransferId(v), paidOn: `${year}-12-18` }, [sum(guaranteed), fee(v.shareTenths)]);
  await payOn(books, v, { transferId: rentTransferId(v), part: 'rent', paidOn: `${year}-12-20` }, rent);
  await payOn(books, v, { transferId: shareTransferId(v), part: 'guaranteed-return', paidOn: `${year}-12-20` }, guaranteed);
  const perShare = DIVIDEND_PER_SHARE_FEN[year];
  if (perShare !== undefined) {
    const amount = yuan((v.shareTenths * perShare) / 10n);
    orFail(await land.declareLandDividend(context, { ...envelope(), input: { organizationId: v.organizationId, transferId: shareTransferId(v), year, declaredOn: `${year}-12-25`, amount } }));
    await collect(books, v, { transferId: shareTransferId(v), paidOn: `${year}-12-26` }, [sum(dividends), 0n]);
    await payOn(books, v, { transferId: shareTransferId(v), part: 'dividend', paidOn: `${year}-12-28` }, dividends);
  }
  orFail(await ledger.closeYear(context, { ...envelope(), input: { organizationId: v.organizationId, year } }));
};
