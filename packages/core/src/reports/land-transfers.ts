import { Area } from '../money/area.js';
import { Money } from '../money/money.js';
import { Rate } from '../money/rate.js';
import { combineProjections } from '../kernel/projection.js';
import type { TransferRecord } from '../domain/land/register.js';
import { dueToEach, householdAreas, inForceOn, instalmentPart } from '../domain/land/rent.js';
import { groupsOf, type VillageGroup } from './assets-projection.js';
import { landBooks, type LandBooks } from './land-books.js';
import { organizationTree, type Scope } from './organizations.js';
import { overAnyEvent } from './statement.js';

/** What both land reports read, in one pass. Replay it up to the report's date. */
export const landProjection = () => combineProjections('land', { tree: overAnyEvent(organizationTree), land: landBooks });
export type LandState = ReturnType<ReturnType<typeof landProjection>['init']>;

/** 土地流转 figures of a group of villages on a date: contracted and transferred area, and the rent (or guaranteed return) due, paid and owed. */
export interface TransferFigures {
  readonly villages: number;
  readonly contractedArea: Area;
  readonly transferredArea: Area;
  /** transferred / contracted; `undefined` when nothing is contracted. */
  readonly share: Rate | undefined;
  readonly transfers: number;
  readonly due: Money;
  readonly paid: Money;
  /** Σ over households of what fell due and is not paid (what was paid ahead is not netted against another household). */
  readonly owed: Money;
}

/** One operator's transfers in one village. */
export interface OperatorLine extends Omit<TransferFigures, 'villages' | 'contractedArea' | 'share'> {
  readonly villageId: string;
  readonly operator: string;
  readonly kind: string;
}

export interface LandTransfersReport {
  readonly asOf: string;
  readonly total: { readonly node: VillageGroup['node']; readonly figures: TransferFigures };
  readonly townships: readonly { readonly node: VillageGroup['node']; readonly figures: TransferFigures }[];
  readonly villages: readonly { readonly node: VillageGroup['node']; readonly figures: TransferFigures }[];
  readonly operators: readonly OperatorLine[];
}

interface Amounts { area: Area; transfers: number; due: bigint; paid: bigint; owed: bigint }

/** What each household was paid up to `asOf`, by transfer and part (`<transferId> <part>`), in fen: a village's receipts read once. */
type PaidIndex = Map<string, Map<string, bigint>>;

const paidIndex = (books: LandBooks, villageId: string, asOf: string): PaidIndex => {
  const index: PaidIndex = new Map();
  for (const r of books.receipts.get(villageId)?.values() ?? []) {
    if (r.paidOn > asOf) continue;
    const key = `${r.source} ${r.part}`;
    let paidBy = index.get(key);
    if (paidBy === undefined) index.set(key, (paidBy = new Map<string, bigint>()));
    paidBy.set(r.householdId, (paidBy.get(r.householdId) ?? 0n) + r.amount.toFen());
  }
  return index;
};

/** One transfer's figures on `asOf`; what was paid on it counts up to then, whoever paid it. */
const transferAmounts = (paid: PaidIndex, t: TransferRecord, asOf: string): Amounts => {
  const paidBy = paid.get(`${t.transferId} ${instalmentPart(t)}`) ?? new Map<string, bigint>();
  let due = 0n;
  let received = 0n;
  let owed = 0n;
  const areas = householdAreas(t);
  const dueBy = dueToEach(t, asOf);
  for (const householdId of areas.keys()) {
    const d = dueBy.get(householdId) ?? 0n;
    const p = paidBy.get(householdId) ?? 0n;
    due += d;
    received += p;
    if (d > p) owed += d - p;
  }
  const area = inForceOn(t, asOf) ? [...areas.values()].reduce((s, a) => s.plus(a), Area.zero) : Area.zero;
  return { area, transfers: t.signedOn <= asOf ? 1 : 0, due, paid: received, owed };
};

const plus = (a: Amounts, b: Amounts): Amounts => ({ area: a.area.plus(b.area), transfers: a.transfers + b.transfers, due: a.due + b.due, paid: a.paid + b.paid, owed: a.owed + b.owed });
const NONE: Amounts = { area: Area.zero, transfers: 0, due: 0n, paid: 0n, owed: 0n };

interface VillageLines {
  readonly contracted: Area;
  readonly byOperator: Map<string, Amounts & { kind: string }>;
}

const villageLines = (state: LandState, villageId: string, asOf: string): VillageLines => {
  const register = state.land.registers.get(villageId);
  const byOperator = new Map<string, Amounts & { kind: string }>();
  if (register === undefined) return { contracted: Area.zero, byOperator };
  const contracted = [...register.parcels.values()].reduce((s, p) => s.plus(p.area), Area.zero);
  const paid = paidIndex(state.land, villageId, asOf);
  for (const t of register.transfers.values()) {
    if (t.signedOn > asOf) continue;
    const before = byOperator.get(t.operator.name) ?? { ...NONE, kind: t.operator.kind };
    byOperator.set(t.operator.name, { ...plus(before, transferAmounts(paid, t, asOf)), kind: before.kind });
  }
  return { contracted, byOperator };
};

const figuresOf = (linesOf: (villageId: string) => VillageLines, group: VillageGroup): TransferFigures => {
  let contracted = Area.zero;
  let sum = NONE;
  for (const v of group.villages) {
    const lines = linesOf(v.organizationId);
    contracted = contracted.plus(lines.contracted);
    for (const a of lines.byOperator.values()) sum = plus(sum, a);
  }
  return {
    villages: group.villages.length,
    contractedArea: contracted,
    transferredArea: sum.area,
    share: contracted.isZero() ? undefined : Rate.of(sum.area.toDecimal(), contracted.toDecimal()),
    transfers: sum.transfers,
    due: Money.fromFen(sum.due),
    paid: Money.fromFen(sum.paid),
    owed: Money.fromFen(sum.owed),
  };
};

/** 土地流转 of the scope on `asOf`: the scope, each township and village, and each operator in each village. */
export const landTransfersReportOf = (state: LandState, scope: Scope, asOf: string): LandTransfersReport => {
  const groups = groupsOf(state, scope);
  // Each village's lines once: the scope, its township and the village itself add up the same lines.
  const lines = new Map<string, VillageLines>();
  const linesOf = (villageId: string): VillageLines => {
    let known = lines.get(villageId);
    if (known === undefined) lines.set(villageId, (known = villageLines(state, villageId, asOf)));
    return known;
  };
  const named = (g: VillageGroup) => ({ node: g.node, figures: figuresOf(linesOf, g) });
  const operators = groups.total.villages.flatMap((v) =>
    [...linesOf(v.organizationId).byOperator]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([operator, a]) => ({ villageId: v.organizationId, operator, kind: a.kind, transferredArea: a.area, transfers: a.transfers, due: Money.fromFen(a.due), paid: Money.fromFen(a.paid), owed: Money.fromFen(a.owed) })),
  );
  return { asOf, total: named(groups.total), townships: groups.townships.map(named), villages: groups.villages.map(named), operators };
};
