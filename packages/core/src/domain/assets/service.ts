import type * as t from 'io-ts';
import type { CommandOutcome, DeclaredCommand } from '../../kernel/command.js';
import type { AssetError } from './errors.js';
import type { LedgerError } from '../ledger/errors.js';
import type { LedgerEvent } from '../ledger/events.js';
import type { AssetEvent } from './events.js';
import { subLedgerCommand } from '../sub-ledger-command.js';
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
import type { AssetInputs } from './commands.js';
import { lastDayOf } from './months.js';

type AssetCommand<K extends keyof AssetInputs> = DeclaredCommand<t.OutputOf<(typeof codecs)[K]>, AssetEvent | LedgerEvent, AssetError | LedgerError>;

const codecs = {
  RegisterResourceAsset: RegisterResourceAssetInput,
  RecordResourceIncome: RecordResourceIncomeInput,
  AcquireFixedAsset: AcquireFixedAssetInput,
  ChargeDepreciation: ChargeDepreciationInput,
  RevalueFixedAsset: RevalueFixedAssetInput,
  ReclassifyFixedAsset: ReclassifyFixedAssetInput,
  DisposeFixedAsset: DisposeFixedAssetInput,
  MakeLongTermInvestment: MakeLongTermInvestmentInput,
  RecoverLongTermInvestment: RecoverLongTermInvestmentInput,
} as const;

/** An asset operation, declared (`subLedgerCommand`). */
const assetCommand = <K extends keyof AssetInputs>(type: K, dateOf: (input: AssetInputs[K]) => string): AssetCommand<K> =>
  subLedgerCommand<AssetInputs[K], t.OutputOf<(typeof codecs)[K]>, AssetEvent, AssetError>(
    'assets',
    type,
    codecs[type] as unknown as t.Type<AssetInputs[K], t.OutputOf<(typeof codecs)[K]>>,
    dateOf,
  );

/** 登记资源性资产, dated `registeredOn`. */
export const registerResourceAsset = assetCommand('RegisterResourceAsset', (i) => i.registeredOn);

/** 资源性资产收入, dated `receivedOn`. */
export const recordResourceIncome = assetCommand('RecordResourceIncome', (i) => i.receivedOn);

/** 固定资产增加, dated `acquiredOn`. */
export const acquireFixedAsset = assetCommand('AcquireFixedAsset', (i) => i.acquiredOn);

/** 计提折旧 of `month`, dated its last day. */
export const chargeDepreciation = assetCommand('ChargeDepreciation', (i) => lastDayOf(i.month));

/** 资产评估, dated `revaluedOn`. */
export const revalueFixedAsset = assetCommand('RevalueFixedAsset', (i) => i.revaluedOn);

/** 用途转换, dated `reclassifiedOn`. */
export const reclassifyFixedAsset = assetCommand('ReclassifyFixedAsset', (i) => i.reclassifiedOn);

/** 固定资产减少, dated `disposedOn`. */
export const disposeFixedAsset = assetCommand('DisposeFixedAsset', (i) => i.disposedOn);

/** 对外投资, dated `madeOn`. */
export const makeLongTermInvestment = assetCommand('MakeLongTermInvestment', (i) => i.madeOn);

/** 收回投资, dated `recoveredOn`. */
export const recoverLongTermInvestment = assetCommand('RecoverLongTermInvestment', (i) => i.recoveredOn);

/** What an asset command returns: its events and voucher, or the refusal. */
export type AssetOutcome = CommandOutcome<AssetEvent | LedgerEvent, AssetError | LedgerError>;
