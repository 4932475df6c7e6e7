import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { PositiveDecimalString, PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { LeavingRule } from './charter-events.js';

/** A number of shares of one class; `memberId` for a member class, none for a collective class (集体股). */
export const Allotment = struct('an allotment', { classId: Id, shares: PositiveDecimalString }, { memberId: Id });
export type Allotment = t.TypeOf<typeof Allotment>;

/** Shares of one class that moved with an inheritance or a withdrawal. */
export const ClassShares = struct('shares of a class', { classId: Id, shares: PositiveDecimalString }, {});
export type ClassShares = t.TypeOf<typeof ClassShares>;

/**
 * 折股量化: the collective's operating net assets on `baseDate` (as the
 * stock-take 清产核资 found them) are quantified into the shares allotted here;
 * the value per share is the net assets over all shares.
 */
export const SharesQuantifiedData = struct(
  'a quantification of shares',
  { organizationId: Id, baseDate: IsoDate, resolution: NonEmptyString, operatingNetAssets: PositiveYuan, allotments: arrayOf(Allotment) },
  {},
);
export type SharesQuantifiedData = t.TypeOf<typeof SharesQuantifiedData>;

/** 继承: a member who died passes every share they held to a member of the same household. */
export const SharesInheritedData = struct(
  'an inheritance of shares',
  { organizationId: Id, fromMemberId: Id, toMemberId: Id, inheritedOn: IsoDate, shares: arrayOf(ClassShares) },
  {},
);
export type SharesInheritedData = t.TypeOf<typeof SharesInheritedData>;

/** 内部转让: shares of one class pass from one member to another, where the charter allows it. */
export const SharesTransferredData = struct(
  'a transfer of shares',
  { organizationId: Id, fromMemberId: Id, toMemberId: Id, classId: Id, shares: PositiveDecimalString, transferredOn: IsoDate },
  { note: t.string },
);
export type SharesTransferredData = t.TypeOf<typeof SharesTransferredData>;

/** A member who left: the charter's rule decided whether the shares were bought back (cancelled) or kept. */
export const SharesWithdrawnData = struct(
  'a withdrawal of shares',
  { organizationId: Id, memberId: Id, withdrawnOn: IsoDate, disposition: LeavingRule, shares: arrayOf(ClassShares) },
  {},
);
export type SharesWithdrawnData = t.TypeOf<typeof SharesWithdrawnData>;
