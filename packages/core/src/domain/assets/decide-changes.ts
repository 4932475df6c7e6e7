import { left, right } from 'fp-ts/lib/Either.js';
import { ACCOUNT_ROOTS, accountsProblem } from './account-rules.js';
import { built, yuan } from './build.js';
import type { DisposeFixedAssetInputValue, ReclassifyFixedAssetInputValue, RevalueFixedAssetInputValue } from './inputs.js';
import { DEFAULT_COST_ACCOUNT } from './decide-acquisition.js';
import { liveFixedAsset, refuse, type Decided, type DecisionContext } from './decision.js';
import { residualOf } from './depreciation.js';
import { fixedAssetDisposed, fixedAssetReclassified, fixedAssetRevalued } from './events.js';
import type { DisposalKind } from './kinds.js';
import { disposalPostings, reclassificationPostings, revaluationPostings } from './postings.js';

/**
 * 评估增值 / 减值: the cost changes by `change` against 311. The new value may
 * not fall below what is already depreciated plus the new residual value;
 * what is left is then spread over the months left.
 */
export const revalueFixedAsset = (input: RevalueFixedAssetInputValue, context: DecisionContext): Decided => {
  const found = liveFixedAsset(context, input.assetId, 'revaluedOn');
  if (found._tag === 'Left') return found;
  const asset = found.right;
  const change = input.change.toFen();
  if (change === 0n) return refuse('REVALUATION_INVALID', 'change: a revaluation changes the value; got 0.00');
  const cost = asset.cost + change;
  const floor = asset.accumulated + (cost > 0n ? residualOf(cost, asset.residualRate) : 0n);
  if (cost <= 0n || cost < floor) {
    return refuse('REVALUATION_INVALID', `change: ${yuan(change)} would leave a cost of ${yuan(cost)}, below what is depreciated plus the residual value (${yuan(floor)})`);
  }
  const reserveAccount = input.reserveAccount ?? '311';
  const wrong = accountsProblem(context.chart, [['reserveAccount', reserveAccount, ACCOUNT_ROOTS.reserveAccount]]);
  if (wrong !== undefined) return left(wrong);
  const event = built(fixedAssetRevalued, {
    organizationId: context.organizationId,
    assetId: asset.assetId,
    revaluedOn: context.date,
    change: yuan(change),
    reason: input.reason,
    voucherNo: context.voucherNo,
  });
  const label = change > 0n ? '增值' : '减值';
  return right({ events: [event], summary: `固定资产评估${label}：${asset.name}`, postings: revaluationPostings(asset.costAccount, reserveAccount, change) });
};

/** 用途转换: an idle building revitalised for income becomes operating, and the other way round. */
export const reclassifyFixedAsset = (input: ReclassifyFixedAssetInputValue, context: DecisionContext): Decided => {
  const found = liveFixedAsset(context, input.assetId, 'reclassifiedOn');
  if (found._tag === 'Left') return found;
  const asset = found.right;
  if (asset.category === input.to) return refuse('RECLASSIFICATION_SAME_CATEGORY', `to: ${input.assetId} (${asset.name}) is already ${input.to}`);
  const to = { cost: input.costAccount ?? DEFAULT_COST_ACCOUNT[input.to], depreciation: input.depreciationAccount ?? asset.depreciationAccount };
  const wrong = accountsProblem(context.chart, [
    ['costAccount', to.cost, ACCOUNT_ROOTS.costAccount],
    ['depreciationAccount', to.depreciation, ACCOUNT_ROOTS.depreciationAccount],
    ['chargeAccount', input.chargeAccount, ACCOUNT_ROOTS.chargeAccount],
  ]);
  if (wrong !== undefined) return left(wrong);
  const postings = reclassificationPostings({ cost: asset.costAccount, depreciation: asset.depreciationAccount }, to, asset.cost, asset.accumulated);
  const event = built(fixedAssetReclassified, {
    organizationId: context.organizationId,
    assetId: asset.assetId,
    reclassifiedOn: context.date,
    to: input.to,
    costAccount: to.cost,
    depreciationAccount: to.depreciation,
    chargeAccount: input.chargeAccount,
    reason: input.reason,
    ...(postings.some((p) => p.fen > 0n) ? { voucherNo: context.voucherNo } : {}),
  });
  const label = input.to === 'operating' ? '非经营性转为经营性' : '经营性转为非经营性';
  return right({ events: [event], summary: `固定资产${label}：${asset.name}`, postings });
};

/** Sales, scrapping and losses by force majeure go through 154 with their proceeds; the others write the net value off. */
const THROUGH_CLEARING: ReadonlySet<DisposalKind> = new Set(['sale', 'scrapping', 'force-majeure']);

const DISPOSAL_SUMMARY: Readonly<Record<DisposalKind, string>> = {
  sale: '出售固定资产',
  scrapping: '固定资产报废',
  'transfer-out': '无偿调出固定资产',
  'stock-take-loss': '清产核资盘亏固定资产',
  'force-majeure': '固定资产毁损（不可抗力）',
};

const disposalAccountsOf = (input: DisposeFixedAssetInputValue, asset: { costAccount: string; depreciationAccount: string }) => ({
  cost: asset.costAccount,
  depreciation: asset.depreciationAccount,
  clearing: input.clearingAccount ?? '154',
  receivedInto: input.receivedInto ?? '102',
  gain: input.gainAccount ?? '504',
  loss: input.lossAccount ?? '515',
  reserve: input.reserveAccount ?? '311',
});

/** 固定资产减少: the asset leaves the register; disposing of it twice is refused. */
export const disposeFixedAsset = (input: DisposeFixedAssetInputValue, context: DecisionContext): Decided => {
  const found = liveFixedAsset(context, input.assetId, 'disposedOn');
  if (found._tag === 'Left') return found;
  const asset = found.right;
  const throughClearing = THROUGH_CLEARING.has(input.disposal);
  const proceeds = input.proceeds?.toFen() ?? 0n;
  if (!throughClearing && proceeds > 0n) {
    return refuse('DISPOSAL_PROCEEDS_INVALID', `proceeds: a ${input.disposal} brings no proceeds; record a sale instead`);
  }
  const accounts = disposalAccountsOf(input, asset);
  const wrong = accountsProblem(
    context.chart,
    throughClearing
      ? [['clearingAccount', accounts.clearing, ACCOUNT_ROOTS.clearingAccount], ['receivedInto', accounts.receivedInto], ['gainAccount', accounts.gain, ACCOUNT_ROOTS.gainAccount], ['lossAccount', accounts.loss, ACCOUNT_ROOTS.lossAccount]]
      : [['reserveAccount', accounts.reserve, ACCOUNT_ROOTS.reserveAccount]],
  );
  if (wrong !== undefined) return left(wrong);
  const event = built(fixedAssetDisposed, {
    organizationId: context.organizationId,
    assetId: asset.assetId,
    disposedOn: context.date,
    disposal: input.disposal,
    cost: yuan(asset.cost),
    accumulated: yuan(asset.accumulated),
    proceeds: yuan(proceeds),
    voucherNo: context.voucherNo,
    ...(throughClearing ? { receivedInto: accounts.receivedInto } : {}),
  });
  const postings = disposalPostings(throughClearing, accounts, { cost: asset.cost, accumulated: asset.accumulated, proceeds });
  return right({ events: [event], summary: `${DISPOSAL_SUMMARY[input.disposal]}：${asset.name}`, postings });
};
