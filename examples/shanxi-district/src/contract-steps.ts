import { Money, type contracts } from '@collective-ledger/core';
import type { Receipt } from './collection.js';
import { dueDatesOf, grainText, type PlannedContract } from './contract-plan.js';
import type { Amendment, Review } from './contract-review.js';
import { addDays } from './dates.js';
import { intBetween, type Random } from './drafts.js';

/** A contract command of 2022, as the example sends it, with its business date and its place among the commands of that day. */
export type ContractStep =
  | { readonly service: 'registerContract'; readonly date: string; readonly rank: 0; readonly input: contracts.RegisterContractInput }
  | { readonly service: 'flagContract'; readonly date: string; readonly rank: 1; readonly input: contracts.FlagContractInput }
  | { readonly service: 'amendContract'; readonly date: string; readonly rank: 2; readonly input: contracts.AmendContractInput }
  | { readonly service: 'rectifyContract'; readonly date: string; readonly rank: 3; readonly input: contracts.RectifyContractInput }
  | { readonly service: 'terminateContract'; readonly date: string; readonly rank: 3; readonly input: contracts.TerminateContractInput }
  | { readonly service: 'renewContract'; readonly date: string; readonly rank: 3; readonly input: contracts.RenewContractInput }
  | { readonly service: 'expireContract'; readonly date: string; readonly rank: 3; readonly input: contracts.ExpireContractInput }
  | { readonly service: 'recogniseContractIncome'; readonly date: string; readonly rank: 4; readonly input: contracts.RecogniseContractIncomeInput }
  | { readonly service: 'receiveContractPayment'; readonly date: string; readonly rank: 5; readonly input: contracts.ReceiveContractPaymentInput };

type Approval = contracts.RegisterContractInput['approvals'][number];

const yuan = (fen: bigint): string => Money.fromFen(fen).toString();

const approval = (procedure: Approval['procedure'], date: string, daysBefore: number): Approval => ({ procedure, approvedOn: addDays(date, -daysBefore) });

/** The procedures a contract went through: by tender for assets let as a whole, else the members' representatives; none, or a notice only, for those the review finds without. */
const approvalsOf = (c: PlannedContract, review: Review | undefined, random: Random): Approval[] => {
  const reasons = new Set(review?.reasons.map((r) => r.reason));
  if (reasons.has('no-written-contract')) return [];
  if (reasons.has('no-democratic-procedure')) return random() < 0.5 ? [] : [approval('public-disclosure', c.signedOn, 3)];
  const first = c.letting.whole ? approval('tender', c.signedOn, intBetween(random, 15, 30)) : approval('members-representatives', c.signedOn, intBetween(random, 10, 30));
  return [first, approval('public-disclosure', c.signedOn, intBetween(random, 2, 7))];
};

const instalmentsOf = (c: PlannedContract, schedule: readonly { readonly dueOn: string; readonly fen: bigint }[]): contracts.RegisterContractInput['instalments'] =>
  schedule.map((i) => (c.grain === undefined ? { dueOn: i.dueOn, amount: yuan(i.fen) } : { dueOn: i.dueOn, grain: grainText(c.grain) }));

const registration = (c: PlannedContract, review: Review | undefined, random: Random): ContractStep => ({
  service: 'registerContract',
  date: c.registeredOn,
  rank: 0,
  input: {
    organizationId: c.organizationId,
    contractId: c.contractId,
    title: c.letting.title,
    category: c.letting.category,
    counterparty: c.letting.counterparty,
    subject: c.letting.subject,
    signedOn: c.signedOn,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    registeredOn: c.registeredOn,
    approvals: approvalsOf(c, review, random),
    instalments: instalmentsOf(c, c.schedule),
    ...(review?.reasons.some((r) => r.reason === 'no-written-contract') === true ? { note: '口头约定，清理时据实登记' } : {}),
  },
});

const amendment = (c: PlannedContract, { on, reason, a, approvals }: { on: string; reason: string; a: Amendment; approvals: Approval[] }): ContractStep => ({
  service: 'amendContract',
  date: on,
  rank: 2,
  input: {
    organizationId: c.organizationId,
    contractId: c.contractId,
    amendedOn: on,
    effectiveFrom: '2023-01-01',
    reason,
    instalments: instalmentsOf(c, a.instalments),
    approvals,
    ...(a.endsOn === undefined ? {} : { endsOn: a.endsOn }),
  },
});

/** The review's flag of a contract and its answer: a rectification (after its amendment, if it has one) or a termination. */
const reviewSteps = (c: PlannedContract, review: Review): ContractStep[] => {
  const { organizationId, contractId } = c;
  const flag: ContractStep = { service: 'flagContract', date: review.flaggedOn, rank: 1, input: { organizationId, contractId, flaggedOn: review.flaggedOn, reviewId: 'qhs-2022', reasons: [...review.reasons] } };
  const o = review.outcome;
  if (o.kind === 'pending') return [flag];
  if (o.kind === 'terminated') return [flag, { service: 'terminateContract', date: o.on, rank: 3, input: { organizationId, contractId, terminatedOn: o.on, reason: 'counterparty-breach', note: o.note } }];
  const approvals = !o.approved ? [] : o.method === 're-tendered' ? [approval('tender', o.on, 8), approval('public-disclosure', o.on, 2)] : [approval('members-representatives', o.on, 5), approval('public-disclosure', o.on, 1)];
  const rectify: ContractStep = { service: 'rectifyContract', date: o.on, rank: 3, input: { organizationId, contractId, rectifiedOn: o.on, method: o.method, note: o.note, ...(approvals.length > 0 ? { approvals } : {}) } };
  return o.amendment === undefined ? [flag, rectify] : [flag, amendment(c, { on: o.on, reason: o.note, a: o.amendment, approvals }), rectify];
};

/** A contract ending in 2022: renewed three years before its end (half of them), or recorded expired the day after. */
const endingSteps = (c: PlannedContract, random: Random): ContractStep[] => {
  const { organizationId, contractId } = c;
  if (random() < 0.5) return [{ service: 'expireContract', date: addDays(c.endsOn, 1), rank: 3, input: { organizationId, contractId, expiredOn: addDays(c.endsOn, 1) } }];
  const renewedOn = addDays(c.endsOn, -20);
  const endsOn = '2025-12-31';
  const fen = c.schedule[0]?.fen ?? 0n;
  const dues = dueDatesOf({ startsOn: '2023-01-01', endsOn, dueMonths: c.dueMonths });
  return [
    {
      service: 'renewContract',
      date: renewedOn,
      rank: 3,
      input: { organizationId, contractId, renewedOn, endsOn, instalments: instalmentsOf(c, dues.map((dueOn) => ({ dueOn, fen }))), approvals: [approval('members-representatives', renewedOn, 5)] },
    },
  ];
};

const payments = (c: PlannedContract, receipts: readonly Receipt[]): ContractStep[] =>
  receipts.map((r) => ({
    service: 'receiveContractPayment',
    date: r.on,
    rank: 5,
    input: { organizationId: c.organizationId, contractId: c.contractId, receivedOn: r.on, amount: yuan(r.fen), ...(r.fen < 200_000n ? { receivedInto: '101' } : {}) },
  }));

const QUARTER_ENDS = ['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31'] as const;

/** The quarter ends of 2022 by which something fell due since the last: each a recognition run (确认收入) of the village. */
const recognitionRuns = (organizationId: string, planned: readonly PlannedContract[]): ContractStep[] => {
  const dues = planned.flatMap((c) => c.schedule.filter((i) => i.dueOn <= '2022-12-31').map((i) => i.dueOn));
  return QUARTER_ENDS.filter((end, q) => dues.some((d) => d <= end && d > (QUARTER_ENDS[q - 1] ?? ''))).map((through) => ({
    service: 'recogniseContractIncome',
    date: through,
    rank: 4,
    input: { organizationId, through },
  }));
};

/** A village's contract commands of 2022 in the order of their dates (and, on one day, registration, flag, changes, recognition, payments). */
export const contractSteps = (
  organizationId: string,
  planned: readonly PlannedContract[],
  { reviews, receipts }: { readonly reviews: ReadonlyMap<string, Review>; readonly receipts: ReadonlyMap<string, readonly Receipt[]> },
  random: Random,
): ContractStep[] =>
  [
    ...planned.flatMap((c) => {
      const review = reviews.get(c.contractId);
      return [registration(c, review, random), ...(review === undefined ? [] : reviewSteps(c, review)), ...(c.kind === 'ending' ? endingSteps(c, random) : []), ...payments(c, receipts.get(c.contractId) ?? [])];
    }),
    ...recognitionRuns(organizationId, planned),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.rank - b.rank));
