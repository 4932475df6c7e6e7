import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { Percentage } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';

/** Who holds a class of shares: members (成员股, 劳龄股/农龄股, …) or the collective itself (集体股). */
export const ShareHolderKind = t.keyof({ member: null, collective: null }, 'member or collective');
export type ShareHolderKind = t.TypeOf<typeof ShareHolderKind>;

/** A class of shares the charter defines: `member` 成员股 by head, `labour` 劳龄股 by years of work, `collective` 集体股, … */
export const ShareClass = struct('a share class', { classId: Id, nameZh: NonEmptyString, heldBy: ShareHolderKind }, { nameEn: NonEmptyString });
export type ShareClass = t.TypeOf<typeof ShareClass>;

/**
 * What happens to a member's shares when membership ends (death aside, which
 * passes them by inheritance): `buy-back`, the collective takes them back and
 * they are cancelled; `keep`, the former member keeps them and their dividends.
 */
export const LeavingRule = t.keyof({ 'buy-back': null, keep: null }, 'buy-back or keep');
export type LeavingRule = t.TypeOf<typeof LeavingRule>;

/**
 * What the reserve percentage is applied to: the current year's income after
 * prior losses are covered (the rule when a charter says no more), or the
 * whole distributable income.
 */
export const ReserveBasis = t.keyof({ 'income-after-losses': null, distributable: null }, 'income-after-losses or distributable');
export type ReserveBasis = t.TypeOf<typeof ReserveBasis>;

/**
 * 股份合作制章程: the rules of the share register and of the distribution,
 * adopted by the members' assembly on `adoptedOn` under `resolution`. A later
 * charter replaces the earlier one from its date.
 */
export const ShareCharterAdoptedData = struct(
  'a share charter',
  {
    organizationId: Id,
    adoptedOn: IsoDate,
    resolution: NonEmptyString,
    classes: arrayOf(ShareClass),
    /** 提取公积公益金 比例 */
    reservePercent: Percentage,
    onLeaving: LeavingRule,
    /** Whether shares may be transferred between members of the collective (内部转让). */
    transfersAllowed: t.boolean,
  },
  { reserveBasis: ReserveBasis },
);
export type ShareCharterAdoptedData = t.TypeOf<typeof ShareCharterAdoptedData>;
