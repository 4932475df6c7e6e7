import type * as t from 'io-ts';
import { isLeft, left, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext, CommandEnvelope, CommandResult } from '../../kernel/command-handler.js';
import { handleCommand } from '../../kernel/command-handler.js';
import type { DomainEvent } from '../../kernel/event.js';
import { decodeRecordedEvent } from '../../kernel/decode.js';
import { validateInput, type InvalidInput } from '../../kernel/validate.js';
import { loadChart } from '../ledger/chart/index.js';
import type { LedgerError } from '../ledger/errors.js';
import { ledgerStream, type LedgerEvent } from '../ledger/events.js';
import { earlierLedgerYears } from '../ledger/ledger-years.js';
import { loadOrganization } from '../organization/service.js';
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
  type AssetCommand,
  type AssetInputs,
} from './commands.js';
import { assetDecider } from './decider.js';
import type { AssetError } from './errors.js';
import { assetEventTypes, type AssetEvent } from './events.js';
import { lastDayOf } from './months.js';

type Request = Omit<CommandEnvelope<unknown>, 'command' | 'occurredOn'> & { readonly input: unknown };
export type AssetOutcome = Either<AssetError | LedgerError | InvalidInput, CommandResult<AssetEvent | LedgerEvent>>;

const ASSET_TYPES: ReadonlySet<string> = new Set(assetEventTypes);

/**
 * The asset events of a village's years before `year`, oldest first: the
 * register as the year opens. Vouchers are passed over without being decoded.
 */
export const loadEarlierAssetEvents = async (context: CommandContext<DomainEvent>, villageId: string, year: number): Promise<AssetEvent[]> => {
  const years = [];
  for await (const earlier of earlierLedgerYears(context, villageId, year)) years.push(earlier);
  const events: AssetEvent[] = [];
  for (const { events: recorded } of years.reverse()) {
    for (const r of recorded) if (ASSET_TYPES.has(r.type)) events.push(decodeRecordedEvent(context.catalog, r).event as AssetEvent);
  }
  return events;
};

/**
 * Validate the raw input with its codec before anything is read, read the
 * organization, the chart and the earlier years' asset events, then decide on
 * the ledger-year stream of the business date.
 */
interface CommandSpec<K extends keyof AssetInputs> {
  readonly type: K;
  readonly codec: t.Type<AssetInputs[K], unknown>;
  /** The business date: it decides the ledger year the command is decided in. */
  readonly dateOf: (input: AssetInputs[K]) => string;
}

const onAssetBooks = async <K extends keyof AssetInputs>(
  context: CommandContext<DomainEvent>,
  request: Request,
  { type, codec, dateOf }: CommandSpec<K>,
): Promise<AssetOutcome> => {
  const valid = validateInput(codec, request.input);
  if (isLeft(valid)) return left(valid.left);
  const input = valid.right;
  const date = dateOf(input);
  const year = Number(date.slice(0, 4));
  const organization = await loadOrganization(context, input.organizationId);
  const organizationKind = organization.status === 'registered' ? organization.organization.kind : undefined;
  const chart = await loadChart(context, input.organizationId);
  const earlier = organizationKind === 'village' ? await loadEarlierAssetEvents(context, input.organizationId, year) : [];
  const { input: _raw, ...envelope } = request;
  const command = { type, input, date, organizationKind, chart, earlier } as AssetCommand;
  return handleCommand(context as CommandContext<AssetEvent | LedgerEvent>, assetDecider, ledgerStream(input.organizationId, year), {
    ...envelope,
    occurredOn: date,
    command,
  });
};

type Service = (context: CommandContext<DomainEvent>, request: Request) => Promise<AssetOutcome>;

/** 登记资源性资产, dated `registeredOn`. */
export const registerResourceAsset: Service = (context, request) =>
  onAssetBooks(context, request, { type: 'RegisterResourceAsset', codec: RegisterResourceAssetInput, dateOf: (i) => i.registeredOn });

/** 资源性资产收入, dated `receivedOn`. */
export const recordResourceIncome: Service = (context, request) =>
  onAssetBooks(context, request, { type: 'RecordResourceIncome', codec: RecordResourceIncomeInput, dateOf: (i) => i.receivedOn });

/** 固定资产增加, dated `acquiredOn`. */
export const acquireFixedAsset: Service = (context, request) =>
  onAssetBooks(context, request, { type: 'AcquireFixedAsset', codec: AcquireFixedAssetInput, dateOf: (i) => i.acquiredOn });

/** 计提折旧 of `month`, dated its last day. */
export const chargeDepreciation: Service = (context, request) =>
  onAssetBooks(context, request, { type: 'ChargeDepreciation', codec: ChargeDepreciationInput, dateOf: (i) => lastDayOf(i.month) });

/** 资产评估, dated `revaluedOn`. */
export const revalueFixedAsset: Service = (context, request) =>
  onAssetBooks(context, request, { type: 'RevalueFixedAsset', codec: RevalueFixedAssetInput, dateOf: (i) => i.revaluedOn });

/** 用途转换, dated `reclassifiedOn`. */
export const reclassifyFixedAsset: Service = (context, request) =>
  onAssetBooks(context, request, { type: 'ReclassifyFixedAsset', codec: ReclassifyFixedAssetInput, dateOf: (i) => i.reclassifiedOn });

/** 固定资产减少, dated `disposedOn`. */
export const disposeFixedAsset: Service = (context, request) =>
  onAssetBooks(context, request, { type: 'DisposeFixedAsset', codec: DisposeFixedAssetInput, dateOf: (i) => i.disposedOn });

/** 对外投资, dated `madeOn`. */
export const makeLongTermInvestment: Service = (context, request) =>
  onAssetBooks(context, request, { type: 'MakeLongTermInvestment', codec: MakeLongTermInvestmentInput, dateOf: (i) => i.madeOn });

/** 收回投资, dated `recoveredOn`. */
export const recoverLongTermInvestment: Service = (context, request) =>
  onAssetBooks(context, request, { type: 'RecoverLongTermInvestment', codec: RecoverLongTermInvestmentInput, dateOf: (i) => i.recoveredOn });
