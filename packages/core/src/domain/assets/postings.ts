/**
 * 记账规则: the journal lines each asset operation implies. They become the
 * lines of the voucher the operation generates, posted in the same append as
 * the asset events, so the ledger and the register never disagree.
 */

import { credit, debit, type Posting } from '../ledger/generated-voucher.js';

export { credit, debit, type Posting };

/** 购入 / 完工 / 受赠 / 划入 / 盘盈 / 建账: Dr cost; Cr accumulated depreciation brought in (建账); Cr the account that paid or gave. */
export const acquisitionPostings = (a: { costAccount: string; depreciationAccount: string; creditAccount: string; cost: bigint; opening: bigint }): Posting[] => [
  debit(a.costAccount, a.cost),
  credit(a.depreciationAccount, a.opening),
  credit(a.creditAccount, a.cost - a.opening),
];

/** 计提折旧: Dr each charge account, Cr each accumulated-depreciation account, summed over the month's charges. */
export const depreciationPostings = (charges: readonly { chargeAccount: string; depreciationAccount: string; fen: bigint }[]): Posting[] => {
  const debits = new Map<string, bigint>();
  const credits = new Map<string, bigint>();
  for (const c of charges) {
    debits.set(c.chargeAccount, (debits.get(c.chargeAccount) ?? 0n) + c.fen);
    credits.set(c.depreciationAccount, (credits.get(c.depreciationAccount) ?? 0n) + c.fen);
  }
  return [...[...debits].map(([a, fen]) => debit(a, fen)), ...[...credits].map(([a, fen]) => credit(a, fen))];
};

/** 评估增值: Dr cost, Cr reserve (311); 评估减值: Dr reserve, Cr cost. */
export const revaluationPostings = (costAccount: string, reserveAccount: string, change: bigint): Posting[] =>
  change > 0n ? [debit(costAccount, change), credit(reserveAccount, change)] : [debit(reserveAccount, -change), credit(costAccount, -change)];

/** 用途转换: cost and accumulated depreciation move to the new category's accounts (nothing when the accounts stay). */
export const reclassificationPostings = (from: { cost: string; depreciation: string }, to: { cost: string; depreciation: string }, cost: bigint, accumulated: bigint): Posting[] => [
  ...(from.cost === to.cost ? [] : [debit(to.cost, cost), credit(from.cost, cost)]),
  ...(from.depreciation === to.depreciation ? [] : [debit(from.depreciation, accumulated), credit(to.depreciation, accumulated)]),
];

export interface DisposalAccounts {
  readonly cost: string;
  readonly depreciation: string;
  readonly clearing: string;
  readonly receivedInto: string;
  readonly gain: string;
  readonly loss: string;
  readonly reserve: string;
}

/**
 * 出售 / 报废 / 毁损 through 154 固定资产清理: Dr 154 the net value, Dr
 * accumulated depreciation, Cr cost; Dr `receivedInto` Cr 154 the proceeds;
 * what 154 then holds goes to 504 (a gain) or 515 (a loss). 无偿调出 and 盘亏
 * write the net value off against the reserve (311) instead.
 */
export const disposalPostings = (
  throughClearing: boolean,
  accounts: DisposalAccounts,
  figures: { readonly cost: bigint; readonly accumulated: bigint; readonly proceeds: bigint },
): Posting[] => {
  const net = figures.cost - figures.accumulated;
  const writeOff = [debit(accounts.depreciation, figures.accumulated), credit(accounts.cost, figures.cost)];
  if (!throughClearing) return [debit(accounts.reserve, net), ...writeOff];
  const result = figures.proceeds - net;
  return [
    debit(accounts.clearing, net),
    ...writeOff,
    debit(accounts.receivedInto, figures.proceeds),
    credit(accounts.clearing, figures.proceeds),
    ...(result > 0n ? [debit(accounts.clearing, result), credit(accounts.gain, result)] : [debit(accounts.loss, -result), credit(accounts.clearing, -result)]),
  ];
};

/** 收回投资: Dr `receivedInto` the proceeds, Cr the investment, and the difference to 投资收益 (Cr a gain, Dr a loss). */
export const recoveryPostings = (accounts: { receivedInto: string; investment: string; income: string }, carrying: bigint, proceeds: bigint): Posting[] => {
  const result = proceeds - carrying;
  return [
    debit(accounts.receivedInto, proceeds),
    credit(accounts.investment, carrying),
    ...(result > 0n ? [credit(accounts.income, result)] : [debit(accounts.income, -result)]),
  ];
};
