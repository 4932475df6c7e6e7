import { collectionOver, contractStatusAsOf, type Counterparty } from '../domain/contracts/index.js';
import { Money } from '../money/money.js';
import { Rate } from '../money/rate.js';
import { AGE_BANDS, ageBandOf, type AgeBand } from './age-bands.js';
import type { VillageContract } from './contract-projection.js';

/** The period of an arrears report: from `from` to `to`, both days included. */
export interface ArrearsPeriod {
  readonly from: string;
  readonly to: string;
}

/**
 * 欠款清收 over a period (docs/contracts.md, "Collection rate"): overdue =
 * opening arrears + fallen overdue (the rate's denominator); collected (its
 * numerator); rate = collected / overdue; outstanding = what is still
 * overdue at the end of `to` (= overdue − collected).
 */
export interface ArrearsAmounts {
  readonly openingArrears: Money;
  readonly fallenOverdue: Money;
  readonly overdue: Money;
  readonly collected: Money;
  readonly rate: Rate | undefined;
  readonly outstanding: Money;
}

/** One contract's arrears over the period, and its overdue instalments at the end, by age. */
export interface ContractArrears extends ArrearsAmounts {
  readonly villageId: string;
  readonly contractId: string;
  readonly title: string;
  readonly counterparty: Counterparty;
  readonly overdueInstalments: readonly { readonly no: number; readonly dueOn: string; readonly outstanding: Money; readonly ageDays: number; readonly band: AgeBand }[];
}

/** What is still overdue at the end of the period, in one age band. */
export interface AgeBandFigures {
  readonly band: AgeBand;
  readonly instalments: number;
  readonly outstanding: Money;
}

/** Arrears of one counterparty over the period (its contracts in the group). */
export interface CounterpartyArrears extends ArrearsAmounts {
  readonly name: string;
  readonly kind: Counterparty['kind'];
  readonly reference: string | undefined;
  readonly contracts: number;
}

/** 欠款清收 of a group of villages: the amounts, the contracts with arrears, and the outstanding by age band and by counterparty. */
export interface ArrearsFigures extends ArrearsAmounts {
  /** Contracts with something overdue in the period. */
  readonly contracts: number;
  readonly byAge: readonly AgeBandFigures[];
  readonly byCounterparty: readonly CounterpartyArrears[];
}

const fen = (value: bigint): Money => Money.fromFen(value);

/** One contract's arrears, from its schedule and payments. */
export const contractArrears = ({ villageId, view }: VillageContract, period: ArrearsPeriod): ContractArrears => {
  const c = collectionOver(view, period.from, period.to);
  const status = contractStatusAsOf(view, period.to);
  const { contractId, title, counterparty } = view.card;
  return {
    villageId,
    contractId,
    title,
    counterparty,
    openingArrears: fen(c.openingArrears),
    fallenOverdue: fen(c.fallenOverdue),
    overdue: fen(c.overdue),
    collected: fen(c.collected),
    rate: Rate.ofOrUndefined(c.collected, c.overdue),
    outstanding: fen(status.overdue),
    overdueInstalments: status.instalments.flatMap((i) =>
      i.overdue && i.ageDays !== undefined ? [{ no: i.no, dueOn: i.dueOn, outstanding: fen(i.outstanding), ageDays: i.ageDays, band: ageBandOf(i.ageDays) }] : [],
    ),
  };
};

/** The amounts of several contracts, added up; the rate from the sums. */
const summed = (lines: readonly ArrearsAmounts[]): ArrearsAmounts => {
  const sum = (pick: (a: ArrearsAmounts) => Money): Money => Money.sum(lines.map(pick));
  const overdue = sum((a) => a.overdue);
  const collected = sum((a) => a.collected);
  return {
    openingArrears: sum((a) => a.openingArrears),
    fallenOverdue: sum((a) => a.fallenOverdue),
    overdue,
    collected,
    rate: Rate.ofOrUndefined(collected, overdue),
    outstanding: sum((a) => a.outstanding),
  };
};

const counterpartyKey = (c: Counterparty): string => JSON.stringify([c.kind, c.name, c.reference ?? null]);

/** Contracts with anything overdue in the period or still overdue at its end. */
export const inArrears = (a: ContractArrears): boolean => !a.overdue.isZero() || !a.outstanding.isZero();

/** The arrears of these contracts over the period: summed from each contract's figures, never carried. */
export const arrearsFigures = (contracts: readonly VillageContract[], period: ArrearsPeriod): ArrearsFigures => {
  const lines = contracts.map((c) => contractArrears(c, period)).filter(inArrears);
  const byParty = new Map<string, ContractArrears[]>();
  for (const line of lines) byParty.set(counterpartyKey(line.counterparty), [...(byParty.get(counterpartyKey(line.counterparty)) ?? []), line]);
  const instalments = lines.flatMap((l) => l.overdueInstalments);
  return {
    ...summed(lines),
    contracts: lines.length,
    byAge: AGE_BANDS.map(({ band }) => {
      const inBand = instalments.filter((i) => i.band === band);
      return { band, instalments: inBand.length, outstanding: Money.sum(inBand.map((i) => i.outstanding)) };
    }),
    byCounterparty: [...byParty.values()].map((party) => {
      const { name, kind, reference } = (party[0] as ContractArrears).counterparty;
      return { name, kind, reference, contracts: party.length, ...summed(party) };
    }),
  };
};
