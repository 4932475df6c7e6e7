import type * as t from 'io-ts';
import { defineCommand, type CommandOutcome, type DeclaredCommand } from '../../kernel/command.js';
import type { FactReader } from '../../kernel/fact-reader.js';
import type { AssetError } from './errors.js';
import type { LedgerError } from '../ledger/errors.js';
import { ledgerStream, type LedgerEvent } from '../ledger/events.js';
import type { AssetEvent } from './events.js';
import { ledgerYearDecider, type SubLedgerOperation } from '../ledger/ledger-year.js';
import { openingOf } from '../ledger/opening.js';
import { loadVillageBooks } from '../ledger/service.js';
import { subLedgers } from '../sub-ledgers.js';
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

/** The village's kind and chart, and how the year of the operation opened: the register and the balances the last close carried, or the open year before as it stands. */
const factsOf = async (organizationId: string, reader: FactReader, date: string) => ({
  ...(await loadVillageBooks(reader, organizationId)),
  opening: await openingOf(reader, subLedgers, organizationId, Number(date.slice(0, 4))),
});

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

/**
 * An asset operation, declared: decided on the ledger-year stream of its
 * business date, against the register as the year opened (the last close)
 * and the year's own asset events; its voucher is appended with its events.
 */
const assetCommand = <K extends keyof AssetInputs>(type: K, dateOf: (input: AssetInputs[K]) => string): AssetCommand<K> =>
  defineCommand({
    name: type,
    input: codecs[type] as unknown as t.Type<AssetInputs[K], t.OutputOf<(typeof codecs)[K]>>,
    stream: (input) => ledgerStream(input.organizationId, dateOf(input).slice(0, 4)),
    occurredOn: dateOf,
    facts: (input, reader, date) => factsOf(input.organizationId, reader, date),
    decider: (facts) => ledgerYearDecider<AssetEvent | LedgerEvent, AssetError | LedgerError>(subLedgers, facts.opening.registers),
    command: (input, { organizationKind, chart, opening }, date): SubLedgerOperation => ({
      type: 'SubLedgerOperation',
      subLedger: 'assets',
      command: { type, input },
      organizationId: input.organizationId,
      date,
      organizationKind,
      chart,
      carried: opening.balances,
    }),
  });

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
