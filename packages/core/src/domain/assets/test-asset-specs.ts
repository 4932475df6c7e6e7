import type * as t from 'io-ts';
import { specFor } from '@collective-ledger/testing';
import type { EventDefinition } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import { decoded } from '../../test-support/decoded.js';
import { chartWith, operationOf, posted, voucherOf, type Line, type OperationFacts } from '../../test-support/ledger-year.js';
import type { LedgerError } from '../ledger/errors.js';
import type { LedgerEvent } from '../ledger/events.js';
import { ledgerYearDecider, type SubLedgerOperation } from '../ledger/ledger-year.js';
import { subLedgers } from '../sub-ledgers.js';
import type { AssetInputs } from './commands.js';
import type { AssetError } from './errors.js';
import { depreciationCharged, fixedAssetAcquired, type AssetEvent } from './events.js';
import {
  AcquireFixedAssetInput,
  ChargeDepreciationInput,
  DisposeFixedAssetInput,
  MakeLongTermInvestmentInput,
  ReclassifyFixedAssetInput,
  RecordResourceIncomeInput,
  RecoverLongTermInvestmentInput,
  RegisterResourceAssetInput,
  RevalueFixedAssetInput,
} from './inputs.js';
import { Money } from '../../money/money.js';
import { lastDayOf } from './months.js';

/*
 * Given/when/then for the asset register as it is decided: on village `v`'s
 * ledger year, opened with nothing carried, its chart splitting 151 into
 * 15101 / 15102 and letting 102 be overdrawn, as testAssets declares it. Events are decoded through their
 * codecs, so an expected event is what a ledger file would hold.
 */

export type YearEvent = AssetEvent | LedgerEvent;

const spec = specFor(ledgerYearDecider<YearEvent, AssetError | LedgerError>(subLedgers, {}));

/** `given(...events).when(command)` on a ledger year that opened with an empty register. */
export const given = (...history: readonly YearEvent[]) => spec(history);

/** The chart of testAssets: 151 split into 经营性 and 非经营性, and 102 allowed an overdraft (purchases pay from it). */
export const ASSET_CHART = chartWith(['15101', '经营性固定资产'], ['15102', '非经营性固定资产']).withOverdraftAllowed('102');

const INPUTS: { readonly [K in keyof AssetInputs]: t.Type<AssetInputs[K], unknown> } = {
  RegisterResourceAsset: RegisterResourceAssetInput,
  RecordResourceIncome: RecordResourceIncomeInput,
  AcquireFixedAsset: AcquireFixedAssetInput,
  ChargeDepreciation: ChargeDepreciationInput,
  RevalueFixedAsset: RevalueFixedAssetInput,
  ReclassifyFixedAsset: ReclassifyFixedAssetInput,
  DisposeFixedAsset: DisposeFixedAssetInput,
  MakeLongTermInvestment: MakeLongTermInvestmentInput,
  RecoverLongTermInvestment: RecoverLongTermInvestmentInput,
};

/** The business date of each operation, as its service dates it. */
const DATE_OF: { readonly [K in keyof AssetInputs]: (input: AssetInputs[K]) => string } = {
  RegisterResourceAsset: (i) => i.registeredOn,
  RecordResourceIncome: (i) => i.receivedOn,
  AcquireFixedAsset: (i) => i.acquiredOn,
  ChargeDepreciation: (i) => lastDayOf(i.month),
  RevalueFixedAsset: (i) => i.revaluedOn,
  ReclassifyFixedAsset: (i) => i.reclassifiedOn,
  DisposeFixedAsset: (i) => i.disposedOn,
  MakeLongTermInvestment: (i) => i.madeOn,
  RecoverLongTermInvestment: (i) => i.recoveredOn,
};

/** The asset operation `type` with this plain-JSON input (of `v` unless it names another organization), decoded, as the ledger year decides it. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- K ties the codec of `type` to its date
export const assetOperation = <K extends keyof AssetInputs>(type: K, input: object, facts: OperationFacts = {}): SubLedgerOperation => {
  const value = decoded(INPUTS[type], { organizationId: 'v', ...input });
  return operationOf('assets', { type, input: value }, DATE_OF[type](value), { chart: ASSET_CHART, ...facts });
};

/** An asset event of `v` from its data as JSON. */
export const assetEvent = <Type extends AssetEvent['type'], Data>(definition: EventDefinition<Type, Data>, data: object): DomainEvent<Type, Data> => ({
  type: definition.type,
  data: decoded(definition.codec, { organizationId: 'v', ...data }),
});

/** A voucher the asset register generated. */
export const generated = (voucherNo: string, date: string, summary: string, lines: readonly Line[]): LedgerEvent =>
  posted(voucherOf(voucherNo, date, lines, { summary, origin: 'assets' }));

/** A purchase as the stream records it: the card (building()'s fields) with Dr `costAccount` / Cr 102, and its voucher. */
export const purchase = (
  card: { readonly assetId: string; readonly name: string; readonly acquiredOn: string; readonly cost: string },
  voucherNo = '资-001',
  costAccount = '15101',
): readonly YearEvent[] => [
  assetEvent(fixedAssetAcquired, { ...card, costAccount, depreciationAccount: '152', creditAccount: '102', voucherNo }),
  generated(voucherNo, card.acquiredOn, `购入固定资产：${card.name}`, [[costAccount, 'debit', card.cost], ['102', 'credit', card.cost]]),
];

/** The depreciation charges of `month` (asset and amount), with their voucher Dr `chargeAccount` / Cr 152. */
export const depreciation = (month: string, voucherNo: string, chargeAccount: string, charges: readonly (readonly [assetId: string, amount: string])[]): readonly YearEvent[] => {
  const total = Money.sum(charges.map(([, amount]) => Money.of(amount))).toString();
  return [
    ...charges.map(([assetId, amount]) => assetEvent(depreciationCharged, { assetId, month, amount, voucherNo })),
    generated(voucherNo, lastDayOf(month), `计提${month}固定资产折旧`, [[chargeAccount, 'debit', total], ['152', 'credit', total]]),
  ];
};
