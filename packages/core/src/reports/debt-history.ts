import type { Creditor } from '../domain/debts/debt-events.js';
import { methodOf, type DebtEvent } from '../domain/debts/events.js';
import { debtEventTypes } from '../domain/debts/events.js';
import type { CreditorKind, DebtOrigin, Recognition, ResolutionMethod } from '../domain/debts/kinds.js';
import { PersistentMap } from '../kernel/persistent-map.js';
import type { Projection } from '../kernel/projection.js';
import type { Money } from '../money/money.js';

/** One resolution of a debt as recorded. */
export interface DebtResolutionLine {
  readonly method: ResolutionMethod;
  readonly resolvedOn: string;
  readonly amount: Money;
  readonly voucherNo: string;
}

/** A debt as recorded, with every resolution of it, in the order recorded. */
export interface DebtHistory {
  readonly villageId: string;
  readonly debtId: string;
  readonly creditor: Creditor;
  readonly creditorKind: CreditorKind;
  readonly origin: DebtOrigin;
  readonly originNote: string | undefined;
  readonly account: string;
  readonly recognition: Recognition;
  readonly recordedOn: string;
  readonly amount: Money;
  readonly resolutions: readonly DebtResolutionLine[];
}

/** Every village's debts, by village then debt id. */
export type DebtHistories = PersistentMap<string, PersistentMap<string, DebtHistory>>;

const apply = (state: DebtHistories, event: DebtEvent): DebtHistories => {
  const villageId = event.data.organizationId;
  const debts = state.get(villageId) ?? PersistentMap.empty<string, DebtHistory>();
  if (event.type === 'DebtRecorded') {
    const d = event.data;
    const history: DebtHistory = {
      villageId,
      debtId: d.debtId,
      creditor: d.creditor,
      creditorKind: d.creditor.kind,
      origin: d.origin,
      originNote: d.originNote,
      account: d.account,
      recognition: d.recognition,
      recordedOn: d.recordedOn,
      amount: d.amount,
      resolutions: [],
    };
    return state.set(villageId, debts.set(d.debtId, history));
  }
  const debt = debts.get(event.data.debtId);
  if (debt === undefined) return state; // the books' rules refuse a resolution of nothing
  const line: DebtResolutionLine = { method: methodOf(event), resolvedOn: event.data.resolvedOn, amount: event.data.amount, voucherNo: event.data.voucherNo };
  return state.set(villageId, debts.set(debt.debtId, { ...debt, resolutions: [...debt.resolutions, line] }));
};

/** 不良债务台账 of every village, from the debt register's events: what the debt reports read. */
export const debtHistories: Projection<DebtHistories, DebtEvent> = {
  name: 'debt-histories',
  handles: debtEventTypes,
  init: () => PersistentMap.empty(),
  apply: (state, { event }) => apply(state, event),
};
