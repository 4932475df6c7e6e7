import { contractStatusAsOf, type ContractView } from '../domain/contracts/index.js';
import { Money } from '../money/money.js';
import { flaggedOn, type FlaggedContract } from './contract-cleanup.js';
import { registerOf, type ContractsState } from './contract-projection.js';
import { priceMoney, yearlyUnitPrice } from './contract-terms.js';

/**
 * Where a contract stands on a date: its term not begun, in force, its term
 * over with nothing recorded to end it (term-ended), expired, or terminated.
 */
export type ContractStanding = 'not-started' | 'live' | 'term-ended' | 'expired' | 'terminated';

export const standingOn = (view: ContractView, on: string): ContractStanding => {
  const { card } = view;
  if (card.status !== 'live') return card.status;
  if (card.startsOn > on) return 'not-started';
  return card.endsOn < on ? 'term-ended' : 'live';
};

/** One instalment on the date: recognised as income or not, received, still owed, and days overdue. */
export interface LedgerInstalment {
  readonly no: number;
  readonly dueOn: string;
  readonly amount: Money;
  readonly recognised: boolean;
  readonly received: Money;
  readonly outstanding: Money;
  readonly overdueDays: number | undefined;
}

/** A contract of the register on the date, with its schedule and figures. */
export interface ContractLedgerEntry {
  readonly view: ContractView;
  readonly standing: ContractStanding;
  readonly review: FlaggedContract | undefined;
  readonly scheduled: Money;
  /** The yearly price per mu or m² (docs/reports.md, "warnings"), where the subject has an area. */
  readonly pricePerYear: { readonly unit: 'mu' | 'm2'; readonly amount: Money } | undefined;
  readonly received: Money;
  readonly due: Money;
  readonly outstanding: Money;
  readonly overdue: Money;
  readonly prepaid: Money;
  readonly instalments: readonly LedgerInstalment[];
}

/** 合同台账 of one village on a date: every contract registered by then, in the order registered. */
export interface ContractLedger {
  readonly village: { readonly id: string; readonly code: string | undefined; readonly name: string | undefined };
  readonly on: string;
  readonly entries: readonly ContractLedgerEntry[];
}

const fen = (value: bigint): Money => Money.fromFen(value);

export const ledgerEntry = (villageId: string, view: ContractView, on: string): ContractLedgerEntry => {
  const status = contractStatusAsOf(view, on);
  const price = yearlyUnitPrice(view.card);
  return {
    view,
    standing: standingOn(view, on),
    review: flaggedOn({ villageId, view }, on),
    scheduled: fen(status.scheduled),
    pricePerYear: price === undefined ? undefined : { unit: price.unit, amount: priceMoney(price) },
    received: fen(status.received),
    due: fen(status.due),
    outstanding: fen(status.outstanding),
    overdue: fen(status.overdue),
    prepaid: fen(status.prepaid),
    instalments: status.instalments.map((i) => ({ no: i.no, dueOn: i.dueOn, amount: fen(i.fen), recognised: i.recognised, received: fen(i.paid), outstanding: fen(i.outstanding), overdueDays: i.ageDays })),
  };
};

export const contractLedgerOf = (state: ContractsState, villageId: string, on: string): ContractLedger => {
  const node = state.tree.get(villageId);
  const entries = [...registerOf(state, villageId).values()].filter((v) => v.card.registeredOn <= on).map((v) => ledgerEntry(villageId, v, on));
  return { village: { id: villageId, code: node?.code, name: node?.name }, on, entries };
};
