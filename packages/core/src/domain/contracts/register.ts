import { MapDraft } from '../../kernel/map-draft.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
import type { Approval, Counterparty, Subject } from './contract-events.js';
import type { ContractEvent, ContractIncomeRecognised } from './events.js';
import type { ContractCategory, IrregularityReason } from './kinds.js';
import { scheduledOf, type ScheduledInstalment } from './schedule.js';

/** A flag a review raised and nothing has yet answered. */
export interface OpenFlag {
  readonly flaggedOn: string;
  readonly reasons: readonly { readonly reason: IrregularityReason; readonly note: string | undefined }[];
}

export type ContractState = 'live' | 'terminated' | 'expired';

/**
 * 合同台账 card: a contract as the register holds it now. Its schedule holds
 * the instalments still in force, in due order (replaced and cancelled ones
 * gone); income is recognised and money applied oldest first, so the
 * recognised instalments are the first `recognised`, and `paid` (fen)
 * settles them from the first on.
 */
export interface ContractRecord {
  readonly contractId: string;
  readonly title: string;
  readonly category: ContractCategory;
  readonly counterparty: Counterparty;
  readonly subject: Subject;
  readonly signedOn: string;
  readonly registeredOn: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly approvals: readonly Approval[];
  readonly incomeAccount: string;
  readonly receivableAccount: string;
  readonly prepaymentAccount: string;
  readonly schedule: readonly ScheduledInstalment[];
  /** The highest instalment number given so far: new instalments go on from it. */
  readonly lastNo: number;
  readonly recognised: number;
  readonly paid: bigint;
  readonly status: ContractState;
  readonly endedOn: string | undefined;
  readonly flag: OpenFlag | undefined;
}

/** A contract a close no longer carries: ended, every instalment recognised and paid, no flag open. */
export interface EndedContract {
  readonly contractId: string;
  readonly status: Exclude<ContractState, 'live'>;
  readonly endedOn: string;
}

/** The contract register of one village on a ledger year. Immutable: each event gives a new one. */
export interface ContractBook {
  readonly contracts: PersistentMap<string, ContractRecord>;
  readonly ended: PersistentMap<string, EndedContract>;
}

const EMPTY: ContractBook = { contracts: PersistentMap.empty(), ended: PersistentMap.empty() };

export const emptyContractBook = (): ContractBook => EMPTY;

const maxNo = (from: number, schedule: readonly ScheduledInstalment[]): number => schedule.reduce((n, i) => Math.max(n, i.no), from);

/** Two schedules in due order merged, the first's instalments before the second's on the same date. */
export const mergeSchedules = (a: readonly ScheduledInstalment[], b: readonly ScheduledInstalment[]): ScheduledInstalment[] =>
  [...a, ...b].map((i, k) => ({ i, k })).sort((x, y) => (x.i.dueOn < y.i.dueOn ? -1 : x.i.dueOn > y.i.dueOn ? 1 : x.k - y.k)).map((x) => x.i);

/** The card a signing opens. */
export const cardOfSigned = (data: Extract<ContractEvent, { type: 'ContractSigned' }>['data']): ContractRecord => {
  const schedule = data.instalments.map(scheduledOf);
  return {
    contractId: data.contractId,
    title: data.title,
    category: data.category,
    counterparty: data.counterparty,
    subject: data.subject,
    signedOn: data.signedOn,
    registeredOn: data.registeredOn,
    startsOn: data.startsOn,
    endsOn: data.endsOn,
    approvals: data.approvals,
    incomeAccount: data.incomeAccount,
    receivableAccount: data.receivableAccount,
    prepaymentAccount: data.prepaymentAccount,
    schedule,
    lastNo: maxNo(0, schedule),
    recognised: 0,
    paid: 0n,
    status: 'live',
    endedOn: undefined,
    flag: undefined,
  };
};

export type OnContract = Exclude<ContractEvent, { type: 'ContractSigned' | 'ContractIncomeRecognised' }>;

/** A contract after one of its own events. */
export const contractAfter = (c: ContractRecord, event: OnContract): ContractRecord => {
  switch (event.type) {
    case 'ContractAmended': {
      const replaced = new Set(event.data.replaces);
      const added = event.data.instalments.map(scheduledOf);
      const schedule = [...c.schedule.filter((i) => !replaced.has(i.no)), ...added];
      return { ...c, schedule, lastNo: maxNo(c.lastNo, added), endsOn: event.data.endsOn ?? c.endsOn };
    }
    case 'ContractRenewed': {
      const added = event.data.instalments.map(scheduledOf);
      return { ...c, schedule: mergeSchedules(c.schedule, added), lastNo: maxNo(c.lastNo, added), endsOn: event.data.endsOn };
    }
    case 'ContractTerminated': {
      const cancelled = new Set(event.data.cancelled);
      return { ...c, schedule: c.schedule.filter((i) => !cancelled.has(i.no)), status: 'terminated', endedOn: event.data.terminatedOn, flag: undefined };
    }
    case 'ContractExpired':
      return { ...c, status: 'expired', endedOn: event.data.expiredOn };
    case 'ContractFlagged':
      return { ...c, flag: { flaggedOn: event.data.flaggedOn, reasons: event.data.reasons.map((r) => ({ reason: r.reason, note: r.note })) } };
    case 'ContractRectified':
    case 'ContractFlagWithdrawn':
      return { ...c, flag: undefined };
    case 'ContractPaymentReceived':
      return withFigures(c, c.recognised, c.paid + event.data.amount.toFen());
  }
};

/**
 * The card with `more` instalments recognised, written out field by field:
 * a recognition run makes one per contract, and Node 20 builds a spread
 * copy of a card several times slower than a plain literal.
 */
export const withRecognised = (c: ContractRecord, more: number): ContractRecord => withFigures(c, c.recognised + more, c.paid);

/** The card with these figures, as a plain literal (see withRecognised). */
const withFigures = (c: ContractRecord, recognised: number, paid: bigint): ContractRecord => ({
  contractId: c.contractId,
  title: c.title,
  category: c.category,
  counterparty: c.counterparty,
  subject: c.subject,
  signedOn: c.signedOn,
  registeredOn: c.registeredOn,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  approvals: c.approvals,
  incomeAccount: c.incomeAccount,
  receivableAccount: c.receivableAccount,
  prepaymentAccount: c.prepaymentAccount,
  schedule: c.schedule,
  lastNo: c.lastNo,
  recognised,
  paid,
  status: c.status,
  endedOn: c.endedOn,
  flag: c.flag,
});

const recognisedIn = (book: ContractBook, event: ContractIncomeRecognised): ContractBook => {
  const draft = new MapDraft(book.contracts);
  for (const item of event.data.contracts) {
    const c = draft.get(item.contractId);
    // An unknown contract leaves the register as it is: the rules refuse such a run.
    if (c !== undefined) draft.set(c.contractId, withRecognised(c, item.instalments.length));
  }
  return { contracts: draft.commit(), ended: book.ended };
};

/** Fold one contract event into a register: a new register, the one given left as it was. */
export const applyContractEvent = (book: ContractBook, event: ContractEvent): ContractBook => {
  if (event.type === 'ContractSigned') return { contracts: book.contracts.set(event.data.contractId, cardOfSigned(event.data)), ended: book.ended };
  if (event.type === 'ContractIncomeRecognised') return recognisedIn(book, event);
  const contracts = book.contracts.adjust(event.data.contractId, (c) => contractAfter(c, event));
  return contracts === book.contracts ? book : { contracts, ended: book.ended };
};
