import type { ImpliedLines } from '../ledger/sub-ledger.js';
import type { AssetRegister } from './asset-register.js';
import type { AssetEvent } from './events.js';
import { acquisitionPostings, credit, debit, depreciationPostings, reclassificationPostings } from './postings.js';

const all = (lines: ImpliedLines['lines']): ImpliedLines => ({ lines, complete: true });
/** Lines on the accounts the event names or the register holds; the voucher's other lines are the user's choice (a reserve, a clearing account). */
const some = (lines: ImpliedLines['lines']): ImpliedLines => ({ lines, complete: false });
const NONE: ImpliedLines = { lines: [], complete: true };

type Of<T extends AssetEvent['type']> = Extract<AssetEvent, { type: T }>;
type Implied = { readonly [T in AssetEvent['type']]: (register: AssetRegister, event: Of<T>) => ImpliedLines };

const implied: Implied = {
  ResourceAssetRegistered: () => NONE,
  ResourceIncomeRecorded: (_, event) => {
    const fen = event.data.amount.toFen();
    return all([debit(event.data.receivedInto, fen), credit(event.data.incomeAccount, fen)]);
  },
  FixedAssetAcquired: (_, event) => {
    const { costAccount, depreciationAccount, creditAccount, cost, openingDepreciation } = event.data;
    return all(acquisitionPostings({ costAccount, depreciationAccount, creditAccount, cost: cost.toFen(), opening: openingDepreciation?.toFen() ?? 0n }));
  },
  DepreciationCharged: (register, event) => {
    const asset = register.fixed.get(event.data.assetId);
    if (asset === undefined) return NONE;
    return all(depreciationPostings([{ chargeAccount: asset.chargeAccount, depreciationAccount: asset.depreciationAccount, fen: event.data.amount.toFen() }]));
  },
  FixedAssetRevalued: (register, event) => {
    const asset = register.fixed.get(event.data.assetId);
    const change = event.data.change.toFen();
    if (asset === undefined) return NONE;
    return some(change > 0n ? [debit(asset.costAccount, change)] : [credit(asset.costAccount, -change)]);
  },
  FixedAssetReclassified: (register, event) => {
    const asset = register.fixed.get(event.data.assetId);
    if (asset === undefined) return NONE;
    const from = { cost: asset.costAccount, depreciation: asset.depreciationAccount };
    const to = { cost: event.data.costAccount, depreciation: event.data.depreciationAccount };
    return all(reclassificationPostings(from, to, asset.cost, asset.accumulated));
  },
  FixedAssetDisposed: (register, event) => {
    const asset = register.fixed.get(event.data.assetId);
    if (asset === undefined) return NONE;
    const { cost, accumulated, proceeds, receivedInto } = event.data;
    const received = receivedInto === undefined || proceeds.isZero() ? [] : [debit(receivedInto, proceeds.toFen())];
    return some([debit(asset.depreciationAccount, accumulated.toFen()), credit(asset.costAccount, cost.toFen()), ...received]);
  },
  LongTermInvestmentMade: (_, event) => {
    const fen = event.data.amount.toFen();
    return all([debit(event.data.investmentAccount, fen), credit(event.data.paidFrom, fen)]);
  },
  LongTermInvestmentRecovered: (register, event) => {
    const investment = register.investments.get(event.data.investmentId);
    if (investment === undefined) return NONE;
    const received = event.data.proceeds.isZero() ? [] : [debit(event.data.receivedInto, event.data.proceeds.toFen())];
    return some([credit(investment.investmentAccount, event.data.carrying.toFen()), ...received]);
  },
};

/**
 * The journal lines an asset event implies, read from the event and the
 * register it applies to: what the voucher appended with it must post.
 * An event naming an asset the register does not hold implies nothing here
 * (the register's own check names it).
 */
export const assetImpliedLines = (register: AssetRegister, event: AssetEvent): ImpliedLines =>
  (implied[event.type] as (register: AssetRegister, event: AssetEvent) => ImpliedLines)(register, event);
