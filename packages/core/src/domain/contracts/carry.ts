import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { NonNegativeYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
import { Money } from '../../money/money.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { Approvals, Counterparty, Subject } from './contract-events.js';
import { isSettled } from './figures.js';
import { ContractCategory } from './kinds.js';
import { emptyContractBook, type ContractBook, type ContractRecord, type EndedContract } from './register.js';
import { FlagReason } from './review-events.js';
import { Schedule, scheduledOf } from './schedule.js';

const WholeNumber = new t.Type<number, number>(
  'a whole number of 0 or more',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
  (u, c) => (typeof u === 'number' && Number.isSafeInteger(u) && u >= 0 ? t.success(u) : t.failure(u, c, 'expected a whole number of 0 or more')),
  (n) => n,
);

const Status = t.keyof({ live: null, terminated: null, expired: null }, 'live, terminated or expired');
const Ended = t.keyof({ terminated: null, expired: null }, 'terminated or expired');

const CarriedFlag = t.type({ flaggedOn: IsoDate, reasons: arrayOf(FlagReason) });

const CarriedContract = struct(
  'a carried contract',
  {
    contractId: Id,
    title: NonEmptyString,
    category: ContractCategory,
    counterparty: Counterparty,
    subject: Subject,
    signedOn: IsoDate,
    registeredOn: IsoDate,
    startsOn: IsoDate,
    endsOn: IsoDate,
    approvals: Approvals,
    incomeAccount: AccountCode,
    receivableAccount: AccountCode,
    prepaymentAccount: AccountCode,
    schedule: Schedule,
    lastNo: WholeNumber,
    recognised: WholeNumber,
    paid: NonNegativeYuan,
    status: Status,
  },
  { endedOn: IsoDate, flag: CarriedFlag },
);
type CarriedContract = t.TypeOf<typeof CarriedContract>;

const CarriedEnded = t.type({ contractId: Id, status: Ended, endedOn: IsoDate });

const CarriedContractsJson = t.type({ contracts: arrayOf(CarriedContract), ended: arrayOf(CarriedEnded) });

const recordOf = (c: CarriedContract): ContractRecord => ({
  ...c,
  schedule: c.schedule.map(scheduledOf),
  paid: c.paid.toFen(),
  endedOn: c.endedOn,
  flag: c.flag === undefined ? undefined : { flaggedOn: c.flag.flaggedOn, reasons: c.flag.reasons.map((r) => ({ reason: r.reason, note: r.note })) },
});

/**
 * The card as a close carries it: the instalments recognised and paid in
 * full are summed away but for the last of them (it dates what is booked),
 * their amount taken off `paid`. Every figure the rules read (what is owed,
 * received in advance, recognised and not paid) is the same.
 */
const compacted = (c: ContractRecord): ContractRecord => {
  let drop = 0;
  let fen = 0n;
  while (drop + 1 < Math.min(c.recognised, c.schedule.length)) {
    const next = fen + (c.schedule[drop]?.fen ?? 0n);
    if (next > c.paid) break;
    fen = next;
    drop += 1;
  }
  return drop === 0 ? c : { ...c, schedule: c.schedule.slice(drop), recognised: c.recognised - drop, paid: c.paid - fen };
};

/** The register a close carries: contracts settled and ended move to the ended list, the others are compacted. */
export const carriedBook = (book: ContractBook): ContractBook => {
  let { contracts, ended } = book;
  for (const c of book.contracts.values()) {
    if (isSettled(c) && c.status !== 'live' && c.endedOn !== undefined) {
      contracts = contracts.delete(c.contractId);
      ended = ended.set(c.contractId, { contractId: c.contractId, status: c.status, endedOn: c.endedOn });
    } else {
      const small = compacted(c);
      if (small !== c) contracts = contracts.set(c.contractId, small);
    }
  }
  return { contracts, ended };
};

const defined = <T extends object>(record: T): T => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;

const carriedOf = (c: ContractRecord): CarriedContract =>
  defined({
    ...c,
    schedule: c.schedule.map((i) => defined({ no: i.no, dueOn: i.dueOn, amount: Money.fromFen(i.fen), grain: i.grain })),
    paid: Money.fromFen(c.paid),
    flag: c.flag === undefined ? undefined : { flaggedOn: c.flag.flaggedOn, reasons: c.flag.reasons.map((r) => defined({ ...r })) },
  } as CarriedContract);

const isEmpty = (book: ContractBook): boolean => book.contracts.size === 0 && book.ended.size === 0;

/**
 * 合同台账 as the year-end close carries it into the next year
 * (`YearClosed.registers.contracts`). A village that never registered a
 * contract carries nothing (no `contracts` key), so its closes read as they
 * did before the register existed, and a close without the key opens an
 * empty register.
 */
export const CarriedContracts = new t.Type<ContractBook, t.OutputOf<typeof CarriedContractsJson> | undefined>(
  'the carried contract register',
  (u): u is ContractBook => typeof u === 'object' && u !== null && 'contracts' in u && 'ended' in u && (u as ContractBook).contracts instanceof PersistentMap,
  (u, c) => {
    if (u === undefined) return t.success(emptyContractBook());
    const read = CarriedContractsJson.validate(u, c);
    if (read._tag === 'Left') return read;
    return t.success({
      contracts: PersistentMap.from(read.right.contracts.map((r): [string, ContractRecord] => [r.contractId, recordOf(r)])),
      ended: PersistentMap.from(read.right.ended.map((e): [string, EndedContract] => [e.contractId, e])),
    });
  },
  (book) =>
    isEmpty(book)
      ? undefined
      : CarriedContractsJson.encode({ contracts: [...book.contracts.values()].map(carriedOf), ended: [...book.ended.values()] as t.TypeOf<typeof CarriedEnded>[] }),
);
