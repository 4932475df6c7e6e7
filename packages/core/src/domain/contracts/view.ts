import { PersistentMap } from '../../kernel/persistent-map.js';
import type { DecodedEvent, DomainEvent } from '../../kernel/event.js';
import type { Projection } from '../../kernel/projection.js';
import type { ContractEvent } from './events.js';
import { contractEventTypes, isContractEvent } from './events.js';
import type { IrregularityReason, RectificationMethod, TerminationReason } from './kinds.js';
import type { ContractRecord } from './register.js';
import { foldContractViews, ViewsDraft } from './view-draft.js';

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

/**
 * Fold one contract event into the register with history: a new register,
 * the one given left as it was (a batch of one, see foldContractViews).
 */
export const applyContractView = (register: ContractRegister, event: ContractEvent): ContractRegister => foldContractViews(register, [event]);

/**
 * 合同台账 of one village from its ledger-year events of every year, in the
 * order they were recorded (other events are passed by): every contract
 * ever registered, with its history. Pure; the events are not kept.
 */
export const contractRegisterOf = (events: Iterable<DomainEvent>): ContractRegister => foldContractViews(emptyContractRegister(), events);

/** Every village's contract register with history, by village id. */
export type ContractRegisters = PersistentMap<string, ContractRegister>;

/** A batch of events folded into every village's register: one draft per village touched, each set into the registers once. */
const foldAll = (registers: ContractRegisters, events: readonly DecodedEvent[]): ContractRegisters => {
  const drafts = new Map<string, ViewsDraft>();
  for (const { event } of events) {
    if (!isContractEvent(event)) continue;
    const id = event.data.organizationId;
    let draft = drafts.get(id);
    if (draft === undefined) drafts.set(id, (draft = new ViewsDraft(registers.get(id) ?? emptyContractRegister())));
    draft.apply(event);
  }
  let next = registers;
  for (const [id, draft] of drafts) next = next.set(id, draft.commit());
  return next;
};

/**
 * The contract registers of every village in a store, as a projection for
 * `runProjection` (the events of every year, in recorded order). A batch
 * of events makes one new register per village it touches and one new view
 * per contract, however many of its events the batch holds.
 */
export const contractRegisters: Projection<ContractRegisters> = {
  name: 'contract-registers',
  handles: contractEventTypes,
  init: () => PersistentMap.empty(),
  apply: (state, event) => foldAll(state, [event]),
  applyAll: foldAll,
};

/** The contract events a review's standing depends on: all but income recognised and payments received. */
const REVIEW_EVENT_TYPES: readonly ContractEvent['type'][] = contractEventTypes.filter((type) => type !== 'ContractIncomeRecognised' && type !== 'ContractPaymentReceived');

/**
 * Every village's register as far as the clean-up sees it: each contract's
 * card, terms, reviews and ending, without its recognitions and payments
 * (their lists stay empty and the card's recognised and paid counts at
 * zero). Neither changes where a contract stands in a review, so the
 * clean-up reads this one and its replay skips the payments unread; any
 * figure of money needs `contractRegisters`.
 */
export const contractReviewRegisters: Projection<ContractRegisters> = { ...contractRegisters, name: 'contract-review-registers', handles: REVIEW_EVENT_TYPES };
