import { PersistentMap } from '../../kernel/persistent-map.js';
import type { Creditor } from './debt-events.js';
import type { DebtEvent } from './events.js';
import type { DebtOrigin } from './kinds.js';

/** 不良债务: a debt on the register, its figures in fen. */
export interface DebtRecord {
  readonly debtId: string;
  readonly creditor: Creditor;
  readonly origin: DebtOrigin;
  readonly originNote: string | undefined;
  readonly account: string;
  readonly recordedOn: string;
  readonly amount: bigint;
  /** What its resolutions have resolved so far. */
  readonly resolved: bigint;
}

/**
 * 不良债务台账 of one village, as its decisions need it: the debts still
 * outstanding, by id, and the ids of those fully resolved with the date of
 * their last resolution (an id names one debt, ever). Immutable.
 */
export interface DebtRegister {
  readonly open: PersistentMap<string, DebtRecord>;
  readonly settled: PersistentMap<string, string>;
}

const EMPTY: DebtRegister = { open: PersistentMap.empty(), settled: PersistentMap.empty() };

export const emptyDebtRegister = (): DebtRegister => EMPTY;

export const outstandingOf = (debt: DebtRecord): bigint => debt.amount - debt.resolved;

/** The register after one of its events. A resolution of a debt it does not hold changes nothing (the decider refuses it). */
export const applyDebtEvent = (register: DebtRegister, event: DebtEvent): DebtRegister => {
  if (event.type === 'DebtRecorded') {
    const d = event.data;
    const record: DebtRecord = {
      debtId: d.debtId,
      creditor: d.creditor,
      origin: d.origin,
      originNote: d.originNote,
      account: d.account,
      recordedOn: d.recordedOn,
      amount: d.amount.toFen(),
      resolved: 0n,
    };
    return { open: register.open.set(d.debtId, record), settled: register.settled };
  }
  const debt = register.open.get(event.data.debtId);
  if (debt === undefined) return register;
  const resolved = debt.resolved + event.data.amount.toFen();
  if (resolved < debt.amount) return { open: register.open.set(debt.debtId, { ...debt, resolved }), settled: register.settled };
  return { open: register.open.delete(debt.debtId), settled: register.settled.set(debt.debtId, event.data.resolvedOn) };
};
