import { MapDraft } from '../../kernel/map-draft.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
import type { DomainEvent } from '../../kernel/event.js';
import type { Projection } from '../../kernel/projection.js';
import type { ContractEvent, ContractIncomeRecognised } from './events.js';
import { contractEventTypes, isContractEvent } from './events.js';
import type { IrregularityReason, RectificationMethod, TerminationReason } from './kinds.js';
import { cardOfSigned, contractAfter, withRecognised, type ContractRecord, type OnContract } from './register.js';

/** How a review's flag was answered. */
export type ReviewOutcome =
  | { readonly kind: 'rectified'; readonly on: string; readonly method: RectificationMethod }
  | { readonly kind: 'withdrawn'; readonly on: string; readonly reason: string }
  | { readonly kind: 'terminated'; readonly on: string; readonly reason: TerminationReason };

/** One flag a review raised, with its reasons and, once answered, its outcome. */
export interface Review {
  readonly flaggedOn: string;
  readonly reviewId: string | undefined;
  readonly reasons: readonly { readonly reason: IrregularityReason; readonly note: string | undefined }[];
  readonly outcome: ReviewOutcome | undefined;
}

/** A change of schedule or term: an amendment (from `effectiveFrom`) or a renewal (to `endsOn`). */
export interface ContractChange {
  readonly kind: 'amended' | 'renewed';
  readonly on: string;
  readonly effectiveFrom: string | undefined;
  readonly endsOn: string;
}

/**
 * Everything the register knows of one contract, for reports: its card as
 * it stands (schedule in force, status, open flag), and its history with
 * dates: recognitions (how many instalments, in due order, each run took),
 * payments, reviews, changes and how it ended.
 */
export interface ContractView {
  readonly card: ContractRecord;
  readonly recognitions: readonly { readonly on: string; readonly count: number; readonly fen: bigint }[];
  readonly payments: readonly { readonly on: string; readonly fen: bigint; readonly toReceivable: bigint; readonly toPrepayment: bigint }[];
  readonly reviews: readonly Review[];
  readonly changes: readonly ContractChange[];
  readonly termination: { readonly on: string; readonly reason: TerminationReason; readonly note: string; readonly refundDue: bigint } | undefined;
}

/** The contract register of one village with every contract's history, by contract id, in the order registered. */
export type ContractRegister = PersistentMap<string, ContractView>;

export const emptyContractRegister = (): ContractRegister => PersistentMap.empty();

const answered = (reviews: readonly Review[], outcome: ReviewOutcome): readonly Review[] => {
  const last = reviews[reviews.length - 1];
  return last === undefined || last.outcome !== undefined ? reviews : [...reviews.slice(0, -1), { ...last, outcome }];
};

const historyAfter = (v: ContractView, event: OnContract): Omit<ContractView, 'card'> => {
  switch (event.type) {
    case 'ContractAmended':
      return { ...v, changes: [...v.changes, { kind: 'amended', on: event.data.amendedOn, effectiveFrom: event.data.effectiveFrom, endsOn: event.data.endsOn ?? v.card.endsOn }] };
    case 'ContractRenewed':
      return { ...v, changes: [...v.changes, { kind: 'renewed', on: event.data.renewedOn, effectiveFrom: undefined, endsOn: event.data.endsOn }] };
    case 'ContractTerminated': {
      const { terminatedOn: on, reason, note, refundDue } = event.data;
      return { ...v, reviews: answered(v.reviews, { kind: 'terminated', on, reason }), termination: { on, reason, note, refundDue: refundDue?.toFen() ?? 0n } };
    }
    case 'ContractExpired':
      return v;
    case 'ContractFlagged': {
      const { flaggedOn, reviewId, reasons } = event.data;
      return { ...v, reviews: [...v.reviews, { flaggedOn, reviewId, reasons: reasons.map((r) => ({ reason: r.reason, note: r.note })), outcome: undefined }] };
    }
    case 'ContractRectified':
      return { ...v, reviews: answered(v.reviews, { kind: 'rectified', on: event.data.rectifiedOn, method: event.data.method }) };
    case 'ContractFlagWithdrawn':
      return { ...v, reviews: answered(v.reviews, { kind: 'withdrawn', on: event.data.withdrawnOn, reason: event.data.reason }) };
    case 'ContractPaymentReceived':
      return paidInto(v, event);
  }
};

const recognisedIn = (register: ContractRegister, event: ContractIncomeRecognised): ContractRegister => {
  const draft = new MapDraft(register);
  for (const item of event.data.contracts) {
    const v = draft.get(item.contractId);
    if (v === undefined) continue;
    const count = item.instalments.length;
    const recognitions = [...v.recognitions, { on: event.data.recognisedOn, count, fen: item.amount.toFen() }];
    draft.set(item.contractId, { card: withRecognised(v.card, count), recognitions, payments: v.payments, reviews: v.reviews, changes: v.changes, termination: v.termination });
  }
  return draft.commit();
};

/** A payment, the most frequent event of a replay, as a plain literal. */
const paidInto = (v: ContractView, event: Extract<ContractEvent, { type: 'ContractPaymentReceived' }>): ContractView => {
  const { receivedOn: on, amount, toReceivable, toPrepayment } = event.data;
  const payments = [...v.payments, { on, fen: amount.toFen(), toReceivable: toReceivable.toFen(), toPrepayment: toPrepayment.toFen() }];
  return { card: contractAfter(v.card, event), recognitions: v.recognitions, payments, reviews: v.reviews, changes: v.changes, termination: v.termination };
};

/** Fold one contract event into the register with history: a new register, the one given left as it was. */
export const applyContractView = (register: ContractRegister, event: ContractEvent): ContractRegister => {
  if (event.type === 'ContractIncomeRecognised') return recognisedIn(register, event);
  if (event.type === 'ContractSigned') {
    const card = cardOfSigned(event.data);
    return register.set(card.contractId, { card, recognitions: [], payments: [], reviews: [], changes: [], termination: undefined });
  }
  if (event.type === 'ContractPaymentReceived') return register.adjust(event.data.contractId, (v) => paidInto(v, event));
  return register.adjust(event.data.contractId, (v) => ({ ...historyAfter(v, event), card: contractAfter(v.card, event) }));
};

/**
 * 合同台账 of one village from its ledger-year events of every year, in the
 * order they were recorded (other events are passed by): every contract
 * ever registered, with its history. Pure; the events are not kept.
 */
export const contractRegisterOf = (events: Iterable<DomainEvent>): ContractRegister => {
  let register = emptyContractRegister();
  for (const event of events) if (isContractEvent(event)) register = applyContractView(register, event);
  return register;
};

/** Every village's contract register with history, by village id. */
export type ContractRegisters = PersistentMap<string, ContractRegister>;

/** The contract registers of every village in a store, as a projection for `runProjection` (the events of every year, in recorded order). */
export const contractRegisters: Projection<ContractRegisters> = {
  name: 'contract-registers',
  handles: contractEventTypes,
  init: () => PersistentMap.empty(),
  apply: (state, { event }) =>
    isContractEvent(event) ? state.set(event.data.organizationId, applyContractView(state.get(event.data.organizationId) ?? emptyContractRegister(), event)) : state,
};
