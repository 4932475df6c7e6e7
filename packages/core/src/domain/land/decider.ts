import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../../codecs/reporter.js';
import type { EventDefinition } from '../../kernel/catalog.js';
import type { Decider } from '../../kernel/decider.js';
import { Area } from '../../money/area.js';
import type { OrganizationKind } from '../organization/events.js';
import type { VillageRegister } from '../organization/member-register.js';
import { landError, type LandError } from './errors.js';
import * as events from './events.js';
import type { LandEvent } from './events.js';
import { landInputCodecs, type LandInputs } from './inputs.js';
import { applyLandEvent, emptyLandRegister, type LandRegister } from './register.js';
import { landProblem } from './rules.js';
import { dividendsOf } from './rules-payments.js';

/** A land-register command as the decider takes it: its type, its valid input, and the village as read. */
export type LandCommand = {
  readonly [K in keyof LandInputs]: { readonly type: K; readonly input: LandInputs[K]; readonly organizationKind: OrganizationKind | undefined; readonly members: VillageRegister | undefined };
}[keyof LandInputs];

const EVENT_OF = {
  ContractParcel: events.parcelContracted,
  CertifyParcel: events.parcelCertified,
  SplitParcel: events.parcelSplit,
  MergeParcels: events.parcelsMerged,
  TransferLand: events.landTransferred,
  TerminateLandTransfer: events.landTransferTerminated,
  RenewLandTransfer: events.landTransferRenewed,
  ReassignLandTransfer: events.landTransferReassigned,
  ReviewGrainPrice: events.grainPriceReviewed,
  DeclareLandDividend: events.landDividendDeclared,
  PayHousehold: events.landIncomePaid,
} as const;

/** The event type each command records. */
export const landEventOf = (type: keyof LandInputs): LandEvent['type'] => EVENT_OF[type].type;

/** An event built from its wire form through its own codec: what a ledger file may hold. A failure is a bug here, so it throws. */
const built = (definition: EventDefinition, wire: Record<string, unknown>): LandEvent => {
  const result = definition.codec.decode(wire);
  if (isLeft(result)) throw new Error(`the land register built an invalid ${definition.type}: ${formatValidationErrors(result.left, 'data').join('; ')}`);
  return { type: definition.type, data: result.right } as LandEvent;
};

/** What the command computes beyond its input: a merger's area, a dividend's division. */
const computed = (command: LandCommand, register: LandRegister): Record<string, unknown> | LandError => {
  if (command.type === 'MergeParcels') {
    const area = command.input.parcelIds.reduce((sum, id) => sum.plus(register.parcels.get(id)?.area ?? Area.zero), Area.zero);
    return { area: area.toString() };
  }
  if (command.type === 'DeclareLandDividend') {
    const transfer = register.transfers.get(command.input.transferId);
    if (transfer === undefined) return landError('LAND_TRANSFER_UNKNOWN', `transferId: ${command.input.transferId} is not on the land register`);
    return transfer.terms.kind === 'shares' ? { dividends: dividendsOf(transfer, command.input.amount) } : { dividends: [] };
  }
  return {};
};

const decide = (command: LandCommand, register: LandRegister): Either<LandError, readonly LandEvent[]> => {
  const { organizationId } = command.input;
  if (command.organizationKind !== 'village') {
    const found = command.organizationKind === undefined ? 'not registered' : `a ${command.organizationKind}`;
    return left(landError('LAND_ORGANIZATION_NOT_VILLAGE', `organizationId: ${organizationId} is ${found}; contracted land is a village collective's`));
  }
  const extra = computed(command, register);
  if ('code' in extra) return left(extra as LandError);
  const codec = landInputCodecs[command.type] as unknown as { encode: (a: unknown) => Record<string, unknown> };
  const definition = EVENT_OF[command.type] as unknown as EventDefinition;
  const event = built(definition, { ...codec.encode(command.input), ...extra });
  const problem = landProblem(register, event, { members: command.members });
  return problem === undefined ? right([event]) : left(problem);
};

/** 土地承包与流转台账: a village's land register on its `land-<village>` stream. */
export const landRegisterDecider: Decider<LandCommand, LandEvent, LandRegister, LandError> = {
  decide,
  evolve: applyLandEvent,
  initialState: emptyLandRegister,
};
