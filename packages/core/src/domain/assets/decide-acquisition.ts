import { left, right } from 'fp-ts/lib/Either.js';
import { remainingOf, residualOf } from './depreciation.js';
import { ACCOUNT_ROOTS, accountsProblem } from './account-rules.js';
import { built, yuan } from './build.js';
import { AcquireFixedAssetInput, type AcquireFixedAssetInputValue } from './inputs.js';
import { idTaken, refuse, type Decided, type DecisionContext } from './decision.js';
import { fixedAssetAcquired } from './events.js';
import type { AcquisitionKind, AssetCategory } from './kinds.js';
import { acquisitionPostings } from './postings.js';

/** 15101 经营性固定资产 and 15102 非经营性固定资产, as local charts split 151. */
export const DEFAULT_COST_ACCOUNT: Readonly<Record<AssetCategory, string>> = { operating: '15101', 'non-operating': '15102' };

/** What an acquisition credits when the input does not say. */
export const DEFAULT_CREDIT_ACCOUNT: Readonly<Record<AcquisitionKind, string>> = {
  purchase: '102',
  construction: '153',
  donation: '311',
  'transfer-in': '311',
  subsidy: '311',
  'stock-take-surplus': '311',
  opening: '301',
};

const SUMMARY: Readonly<Record<AcquisitionKind, string>> = {
  purchase: '购入固定资产',
  construction: '在建工程完工转入固定资产',
  donation: '接受捐赠固定资产',
  'transfer-in': '无偿划入固定资产',
  subsidy: '补助资金形成固定资产',
  'stock-take-surplus': '清产核资盘盈固定资产',
  opening: '建账转入固定资产',
};

/** Units of work need a total; straight-line takes none. */
const unitsProblem = (input: AcquireFixedAssetInputValue): Decided | undefined => {
  if (input.method === 'units-of-work' && input.totalUnits === undefined) {
    return refuse('ASSET_UNITS_INVALID', 'totalUnits: an asset depreciated by units of work needs the units of its whole life');
  }
  if (input.method === 'straight-line' && (input.totalUnits !== undefined || input.openingUnits !== undefined)) {
    return refuse('ASSET_UNITS_INVALID', `${input.totalUnits === undefined ? 'openingUnits' : 'totalUnits'}: a straight-line asset is depreciated by months, not units`);
  }
  return undefined;
};

/** Depreciation before the books only for an asset brought in when they were opened, and no more than it can take. */
const openingProblem = (input: AcquireFixedAssetInputValue): Decided | undefined => {
  const given = (['openingDepreciation', 'openingMonths', 'openingUnits'] as const).find((field) => input[field] !== undefined);
  if (input.acquisition !== 'opening') {
    return given === undefined ? undefined : refuse('ASSET_OPENING_INVALID', `${given}: only an asset brought in when the books were opened (acquisition: opening) has depreciation before them`);
  }
  const cost = input.cost.toFen();
  const depreciable = remainingOf({ cost, residual: residualOf(cost, input.residualRate), accumulated: 0n });
  const opening = input.openingDepreciation?.toFen() ?? 0n;
  if (opening > depreciable) {
    return refuse('ASSET_OPENING_INVALID', `openingDepreciation: ${yuan(opening)} is more than cost less residual value, ${yuan(depreciable)}`);
  }
  if ((input.openingMonths ?? 0) > input.usefulLifeMonths) {
    return refuse('ASSET_OPENING_INVALID', `openingMonths: ${input.openingMonths ?? 0} is more than the useful life of ${input.usefulLifeMonths} months`);
  }
  if (input.openingUnits !== undefined && input.totalUnits !== undefined && input.openingUnits.gt(input.totalUnits)) {
    return refuse('ASSET_OPENING_INVALID', `openingUnits: ${input.openingUnits.toFixed()} is more than totalUnits ${input.totalUnits.toFixed()}`);
  }
  return undefined;
};

/** 固定资产增加: the card, and Dr cost / Cr what paid for it (and the accumulated depreciation brought in). */
export const acquireFixedAsset = (input: AcquireFixedAssetInputValue, context: DecisionContext): Decided => {
  if (idTaken(context.register, input.assetId)) return refuse('ASSET_ID_TAKEN', `assetId: ${input.assetId} is already on the register of ${context.organizationId}`);
  const problem = unitsProblem(input) ?? openingProblem(input);
  if (problem !== undefined) return problem;
  const accounts = {
    costAccount: input.costAccount ?? DEFAULT_COST_ACCOUNT[input.category],
    depreciationAccount: input.depreciationAccount ?? '152',
    chargeAccount: input.chargeAccount,
    creditAccount: input.creditAccount ?? DEFAULT_CREDIT_ACCOUNT[input.acquisition],
  };
  const wrong = accountsProblem(context.chart, [
    ['costAccount', accounts.costAccount, ACCOUNT_ROOTS.costAccount],
    ['depreciationAccount', accounts.depreciationAccount, ACCOUNT_ROOTS.depreciationAccount],
    ['chargeAccount', accounts.chargeAccount, ACCOUNT_ROOTS.chargeAccount],
    ['creditAccount', accounts.creditAccount],
  ]);
  if (wrong !== undefined) return left(wrong);
  const event = built(fixedAssetAcquired, { ...AcquireFixedAssetInput.encode(input), ...accounts, voucherNo: context.voucherNo });
  const opening = input.openingDepreciation?.toFen() ?? 0n;
  return right({
    events: [event],
    summary: `${SUMMARY[input.acquisition]}：${input.name}`,
    postings: acquisitionPostings({ ...accounts, cost: input.cost.toFen(), opening }),
  });
};

