import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { Approvals } from './contract-events.js';
import { IrregularityReason, RectificationMethod } from './kinds.js';

/** One reason a review gives; `other` needs its note. */
export const FlagReason = struct('a reason', { reason: IrregularityReason }, { note: NonEmptyString });
export type FlagReason = t.TypeOf<typeof FlagReason>;

/** 清理核查: a review flags a contract irregular (不规范合同), with its reasons (each once). */
export const ContractFlaggedData = struct(
  'a flag',
  { organizationId: Id, contractId: Id, flaggedOn: IsoDate, reasons: arrayOf(FlagReason) },
  { reviewId: Id },
);
export type ContractFlaggedData = t.TypeOf<typeof ContractFlaggedData>;

/** 整改: a flagged contract put right by `method`, with the procedures that approved it when there were any. */
export const ContractRectifiedData = struct(
  'a rectification',
  { organizationId: Id, contractId: Id, rectifiedOn: IsoDate, method: RectificationMethod },
  { approvals: Approvals, note: NonEmptyString },
);
export type ContractRectifiedData = t.TypeOf<typeof ContractRectifiedData>;

/** A flag taken back (the review was mistaken), with why. */
export const ContractFlagWithdrawnData = t.type({ organizationId: Id, contractId: Id, withdrawnOn: IsoDate, reason: NonEmptyString });
export type ContractFlagWithdrawnData = t.TypeOf<typeof ContractFlagWithdrawnData>;
