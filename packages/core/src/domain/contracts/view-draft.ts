import type { DomainEvent } from '../../kernel/event.js';
import { MapDraft } from '../../kernel/map-draft.js';
import { isContractEvent, type ContractEvent, type ContractPaymentReceived } from './events.js';
import { cardOfSigned, contractAfter, withRecognised, type ContractRecord, type OnContract } from './register.js';
import { sharedDate, sharedFen } from './shared-values.js';
import type { ContractChange, ContractRegister, ContractView, Review, ReviewOutcome } from './view.js';

type Recognition = ContractView['recognitions'][number];
type Payment = ContractView['payments'][number];

/**
 * One contract's view as a batch changes it: its card, and the history
 * lists the batch has added to, each copied once when first changed and
 * then appended to in place; `view` hands them over in a new view. The view
 * it started from is never changed.
 */
class ViewDraft {
  card: ContractRecord;
  termination: ContractView['termination'];
  private recognitions: readonly Recognition[];
  private payments: readonly Payment[];
  private reviews: readonly Review[];
  private changes: readonly ContractChange[];
  /** Which lists are this draft's own copies (bits: recognitions, payments, reviews, changes). */
  private own: number;

  constructor(base: ContractView) {
    this.card = base.card;
    this.termination = base.termination;
    this.recognitions = base.recognitions;
    this.payments = base.payments;
    this.reviews = base.reviews;
    this.changes = base.changes;
    this.own = 0;
  }

  /** `entry` added to a list: pushed onto the draft's own copy, or a copy made with it (exactly as long: a list may live for years). */
  private added<T>(list: readonly T[], bit: number, entry: T): readonly T[] {
    if ((this.own & bit) !== 0) {
      (list as T[]).push(entry);
      return list;
    }
    this.own |= bit;
    return [...list, entry];
  }

  private mine<T>(list: readonly T[], bit: number): T[] {
    if ((this.own & bit) !== 0) return list as T[];
    this.own |= bit;
    return list.slice();
  }

  recognised(entry: Recognition): void {
    this.recognitions = this.added(this.recognitions, 1, entry);
  }

  paid(entry: Payment): void {
    this.payments = this.added(this.payments, 2, entry);
  }

  changed(entry: ContractChange): void {
    this.changes = this.added(this.changes, 8, entry);
  }

  flagged(entry: Review): void {
    this.reviews = this.added(this.reviews, 4, entry);
  }

  /** The last review answered, when it is still open. */
  answered(outcome: ReviewOutcome): void {
    const last = this.reviews[this.reviews.length - 1];
    if (last === undefined || last.outcome !== undefined) return;
    const list = (this.reviews = this.mine(this.reviews, 4));
    list[list.length - 1] = { ...last, outcome };
  }

  /**
   * The view the draft gives; its lists are no longer the draft's to change.
   * (Not frozen: copying a frozen array, as the next batch does, is many
   * times slower in V8; nothing else holds them.)
   */
  view(): ContractView {
    this.own = 0;
    return { card: this.card, recognitions: this.recognitions, payments: this.payments, reviews: this.reviews, changes: this.changes, termination: this.termination };
  }
}

const NOTHING: Omit<ContractView, 'card'> = { recognitions: [], payments: [], reviews: [], changes: [], termination: undefined };

/** The history one event on a contract adds. */
const recordIn = (draft: ViewDraft, event: OnContract): void => {
  switch (event.type) {
    case 'ContractAmended':
      draft.changed({ kind: 'amended', on: event.data.amendedOn, effectiveFrom: event.data.effectiveFrom, endsOn: event.data.endsOn ?? draft.card.endsOn });
      return;
    case 'ContractRenewed':
      draft.changed({ kind: 'renewed', on: event.data.renewedOn, effectiveFrom: undefined, endsOn: event.data.endsOn });
      return;
    case 'ContractTerminated': {
      const { terminatedOn: on, reason, note, refundDue } = event.data;
      draft.answered({ kind: 'terminated', on, reason });
      draft.termination = { on, reason, note, refundDue: refundDue?.toFen() ?? 0n };
      return;
    }
    case 'ContractExpired':
      return;
    case 'ContractFlagged': {
      const { flaggedOn, reviewId, reasons } = event.data;
      draft.flagged({ flaggedOn, reviewId, reasons: reasons.map((r) => ({ reason: r.reason, note: r.note })), outcome: undefined });
      return;
    }
    case 'ContractRectified':
      draft.answered({ kind: 'rectified', on: event.data.rectifiedOn, method: event.data.method });
      return;
    case 'ContractFlagWithdrawn':
      draft.answered({ kind: 'withdrawn', on: event.data.withdrawnOn, reason: event.data.reason });
      return;
    case 'ContractPaymentReceived':
      draft.paid(paymentOf(event));
  }
};

const paymentOf = ({ data }: ContractPaymentReceived): Payment => ({
  on: sharedDate(data.receivedOn),
  fen: sharedFen(data.amount.toFen()),
  toReceivable: sharedFen(data.toReceivable.toFen()),
  toPrepayment: sharedFen(data.toPrepayment.toFen()),
});

/**
 * A village's register with history as a batch of events changes it: a
 * draft of the map, and a draft of each contract the batch touched. An
 * event on a contract the register does not hold changes nothing (the
 * rules refuse it). `commit` gives the new register; the one it started
 * from is never changed.
 */
export class ViewsDraft {
  private readonly map: MapDraft<string, ContractView>;
  private readonly views = new Map<string, ViewDraft>();

  constructor(base: ContractRegister) {
    this.map = new MapDraft(base);
  }

  private draftOf(contractId: string): ViewDraft | undefined {
    let draft = this.views.get(contractId);
    if (draft !== undefined) return draft;
    const base = this.map.get(contractId);
    if (base === undefined) return undefined;
    this.views.set(contractId, (draft = new ViewDraft(base)));
    return draft;
  }

  apply(event: ContractEvent): void {
    if (event.type === 'ContractSigned') {
      const card = cardOfSigned(event.data);
      const view = { card, ...NOTHING };
      this.map.set(card.contractId, view);
      // The empty lists are shared: the draft copies a list before adding to it.
      this.views.set(card.contractId, new ViewDraft(view));
      return;
    }
    if (event.type === 'ContractIncomeRecognised') {
      const on = sharedDate(event.data.recognisedOn);
      for (const item of event.data.contracts) {
        const draft = this.draftOf(item.contractId);
        if (draft === undefined) continue;
        const count = item.instalments.length;
        draft.recognised({ on, count, fen: sharedFen(item.amount.toFen()) });
        draft.card = withRecognised(draft.card, count);
      }
      return;
    }
    const draft = this.draftOf(event.data.contractId);
    if (draft === undefined) return;
    recordIn(draft, event);
    draft.card = contractAfter(draft.card, event);
  }

  commit(): ContractRegister {
    for (const [contractId, draft] of this.views) this.map.set(contractId, draft.view());
    this.views.clear();
    return this.map.commit();
  }
}

/** Events folded into a register with history in one batch (other events passed by): a new register, the one given left as it was. */
export const foldContractViews = (register: ContractRegister, events: Iterable<DomainEvent>): ContractRegister => {
  const draft = new ViewsDraft(register);
  for (const event of events) if (isContractEvent(event)) draft.apply(event);
  return draft.commit();
};
