import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { PositiveYuan } from '../../codecs/money-codecs.js';
import { Id } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
import { Money } from '../../money/money.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import type { CollectiveLandEvent } from './collective-events.js';

/** Rent the collective holds for a transfer's households: the account it sits on and the amount, in fen. */
export interface HeldRent {
  readonly account: string;
  readonly fen: bigint;
}

/** The land sub-ledger's state on a ledger year: what the collective holds for households, by transfer. Immutable. */
export interface CollectiveLand {
  readonly held: PersistentMap<string, HeldRent>;
}

const EMPTY: CollectiveLand = { held: PersistentMap.empty() };
export const emptyCollectiveLand = (): CollectiveLand => EMPTY;

/** The state after one of its events (the decider has checked it). */
export const applyCollectiveLandEvent = (state: CollectiveLand, event: CollectiveLandEvent): CollectiveLand => {
  if (event.type === 'LandServiceFeeReceived') return state;
  const d = event.data;
  const before = state.held.get(d.transferId);
  const change = event.type === 'LandRentCollected' ? d.amount.toFen() - event.data.serviceFee.toFen() : -d.amount.toFen();
  const fen = (before?.fen ?? 0n) + change;
  if (fen === 0n) return { held: state.held.delete(d.transferId) };
  return { held: state.held.set(d.transferId, { account: before?.account ?? d.heldAccount, fen }) };
};

const CarriedHeld = struct('rent held', { transferId: Id, account: AccountCode, amount: PositiveYuan }, {});
const CarriedJson = struct('the carried land sub-ledger', { held: arrayOf(CarriedHeld) }, {});

/**
 * What a close carries of land (`YearClosed.registers.land`): the rent still
 * held for households, by transfer. Nothing held, no key, so closes of
 * villages without land read as before.
 */
export const CarriedLand = new t.Type<CollectiveLand, t.OutputOf<typeof CarriedJson> | undefined>(
  'the carried land sub-ledger',
  (u): u is CollectiveLand => typeof u === 'object' && u !== null && 'held' in u,
  (u, c) => {
    if (u === undefined) return t.success(emptyCollectiveLand());
    const read = CarriedJson.validate(u, c);
    if (read._tag === 'Left') return read;
    return t.success({ held: PersistentMap.from(read.right.held.map((h): [string, HeldRent] => [h.transferId, { account: h.account, fen: h.amount.toFen() }])) });
  },
  (state) =>
    state.held.size === 0
      ? undefined
      : CarriedJson.encode({
          held: [...state.held]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([transferId, h]) => ({ transferId, account: h.account, amount: Money.fromFen(h.fen) })) as t.TypeOf<typeof CarriedHeld>[],
        }),
);
