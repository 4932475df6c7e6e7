import type * as t from 'io-ts';
import { defineCommand, type CommandOutcome, type DeclaredCommand } from '../../kernel/command.js';
import { loadVillage } from '../shares/load.js';
import { landRegisterDecider, type LandCommand } from './decider.js';
import type { LandError } from './errors.js';
import { landStream, type LandEvent } from './events.js';
import { landDateOfInput, landInputCodecs, type LandInputs } from './inputs.js';

type LandCodecs = typeof landInputCodecs;

type DeclaredLandCommand<K extends keyof LandInputs> = DeclaredCommand<t.OutputOf<LandCodecs[K]>, LandEvent, LandError>;

/**
 * A change of the village's land register, declared: the village (its kind
 * and member register) is read, then the change is decided on its
 * `land-<village>` stream, dated by the input.
 */
const onLandRegister = <K extends keyof LandInputs>(type: K): DeclaredLandCommand<K> => {
  // Typed apart so that defineCommand infers its input from the codec, not from the date function.
  const occurredOn: (input: LandInputs[K]) => string = landDateOfInput[type];
  return defineCommand({
    name: type,
    input: landInputCodecs[type] as unknown as t.Type<LandInputs[K], t.OutputOf<LandCodecs[K]>>,
    stream: (input) => landStream(input.organizationId),
    occurredOn,
    facts: (input, reader) => loadVillage(reader, input.organizationId),
    decider: () => landRegisterDecider,
    command: (input, { organizationKind, members }) => ({ type, input, organizationKind, members }) as LandCommand,
  });
};

/** 承包地登记: a parcel contracted to a household; dated `contractedOn`. */
export const contractParcel = onLandRegister('ContractParcel');
/** 确权颁证; dated `certifiedOn`. */
export const certifyParcel = onLandRegister('CertifyParcel');
/** 地块分割; dated `splitOn`. */
export const splitParcel = onLandRegister('SplitParcel');
/** 地块合并; dated `mergedOn`. */
export const mergeParcels = onLandRegister('MergeParcels');
/** 土地经营权流转; dated `signedOn`. */
export const transferLand = onLandRegister('TransferLand');
/** 提前解除; dated `terminatedOn`. */
export const terminateLandTransfer = onLandRegister('TerminateLandTransfer');
/** 续约; dated `renewedOn`. */
export const renewLandTransfer = onLandRegister('RenewLandTransfer');
/** 再流转; dated `reassignedOn`. */
export const reassignLandTransfer = onLandRegister('ReassignLandTransfer');
/** 调整粮价; dated `reviewedOn`. */
export const reviewGrainPrice = onLandRegister('ReviewGrainPrice');
/** 按股分红; dated `declaredOn`. */
export const declareLandDividend = onLandRegister('DeclareLandDividend');
/** 支付农户 (direct transfers); dated `paidOn`. */
export const payHousehold = onLandRegister('PayHousehold');

/** What a land-register command returns. */
export type LandOutcome = CommandOutcome<LandEvent, LandError>;
