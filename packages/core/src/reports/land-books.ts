import type { CollectiveLandEvent } from '../domain/land/collective-events.js';
import { collectiveLandEventTypes } from '../domain/land/collective-events.js';
import { isLandEvent, landEventTypes, type LandEvent, type WagesPaid } from '../domain/land/events.js';
import type { LandIncomePart } from '../domain/land/kinds.js';
import { applyLandEvent, emptyLandRegister, type LandRegister } from '../domain/land/register.js';
import type { DividendsDeclared, DividendsPaid } from '../domain/shares/events.js';
import { PersistentMap } from '../kernel/persistent-map.js';
import type { Projection } from '../kernel/projection.js';
import type { Money } from '../money/money.js';

/** Money a household received, from whom and on what: what household income adds up. */
export interface HouseholdReceipt {
  readonly householdId: string;
  readonly part: LandIncomePart | 'wages' | 'collective-dividend';
  readonly paidOn: string;
  readonly amount: Money;
  /** The transfer it was paid on (land income), or the member who earned it (wages). */
  readonly source: string;
  /** Paid on by the collective as intermediary (its voucher), or directly. */
  readonly voucherNo: string | undefined;
}

/** Every village's land register, and every receipt of its households, in the order recorded. */
export interface LandBooks {
  readonly registers: PersistentMap<string, LandRegister>;
  readonly receipts: PersistentMap<string, PersistentMap<number, HouseholdReceipt>>;
  /** Each declared collective dividend's member → household, by village and year. */
  readonly shareholders: PersistentMap<string, ReadonlyMap<string, string>>;
}

const TYPES = [...landEventTypes, ...collectiveLandEventTypes, 'WagesPaid', 'DividendsDeclared', 'DividendsPaid'] as const;

type Handled = LandEvent | CollectiveLandEvent | WagesPaid | DividendsDeclared | DividendsPaid;

const received = (books: LandBooks, villageId: string, receipts: readonly HouseholdReceipt[]): LandBooks => {
  let list = books.receipts.get(villageId) ?? PersistentMap.empty<number, HouseholdReceipt>();
  for (const r of receipts) list = list.set(list.size, r);
  return { ...books, receipts: books.receipts.set(villageId, list) };
};

const shareKey = (villageId: string, year: number): string => `${villageId}\u0000${String(year)}`;

/** A land-register event: the village's register moves on; a direct payment is a household's receipt. */
const onRegister = (books: LandBooks, event: LandEvent): LandBooks => {
  const villageId = event.data.organizationId;
  const register = applyLandEvent(books.registers.get(villageId) ?? emptyLandRegister(), event);
  const next = { ...books, registers: books.registers.set(villageId, register) };
  if (event.type !== 'LandIncomePaid') return next;
  const d = event.data;
  return received(next, villageId, [{ householdId: d.householdId, part: d.part, paidOn: d.paidOn, amount: d.amount, source: d.transferId, voucherNo: undefined }]);
};

const apply = (books: LandBooks, event: Handled): LandBooks => {
  if (isLandEvent(event)) return onRegister(books, event);
  const villageId = event.data.organizationId;
  switch (event.type) {
    case 'WagesPaid':
      return received(books, villageId, [{ householdId: event.data.householdId, part: 'wages', paidOn: event.data.paidOn, amount: event.data.amount, source: event.data.memberId, voucherNo: undefined }]);
    case 'LandIncomePaidOn': {
      const d = event.data;
      return received(books, villageId, [{ householdId: d.householdId, part: d.part, paidOn: d.paidOn, amount: d.amount, source: d.transferId, voucherNo: d.voucherNo }]);
    }
    case 'LandRentCollected':
    case 'LandServiceFeeReceived':
      return books;
    case 'DividendsDeclared':
      return { ...books, shareholders: books.shareholders.set(shareKey(villageId, event.data.year), new Map(event.data.dividends.map((d) => [d.memberId, d.householdId]))) };
    case 'DividendsPaid': {
      const holders = books.shareholders.get(shareKey(villageId, event.data.year));
      const paidOn = event.data.paidOn;
      return received(books, villageId, event.data.payments.map((p) => ({ householdId: holders?.get(p.memberId) ?? '', part: 'collective-dividend' as const, paidOn, amount: p.amount, source: p.memberId, voucherNo: undefined })));
    }
  }
};

/** 土地与农户收入: every village's land register and what its households received (wages, land income, collective dividends). */
export const landBooks: Projection<LandBooks> = {
  name: 'land-books',
  handles: TYPES,
  init: () => ({ registers: PersistentMap.empty(), receipts: PersistentMap.empty(), shareholders: PersistentMap.empty() }),
  apply: (books, { event }) => apply(books, event as Handled),
};
