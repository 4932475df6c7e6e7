import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../../codecs/reporter.js';
import type { EventDefinition } from '../../kernel/catalog.js';
import { Money } from '../../money/money.js';
import type { ImpliedLines, LedgerYearView, SubLedger, SubLedgerDecision } from '../ledger/sub-ledger.js';
import { collectiveLandEventTypes, landIncomePaidOn, landRentCollected, landServiceFeeReceived, type CollectiveLandEvent } from './collective-events.js';
import type { CollectiveLandInputs } from './collective-inputs.js';
import { applyCollectiveLandEvent, CarriedLand, emptyCollectiveLand, type CollectiveLand } from './collective-register.js';
import { collectiveLandProblem, DEFAULT_LAND_ACCOUNTS, landAccountsProblem } from './collective-rules.js';
import { landError, type LandError } from './errors.js';
import { collectionPostings, paymentOnPostings, serviceFeePostings } from './postings.js';

/** The voucher series of land on the collective's books: 地-001, 地-002, … */
export const LAND_SERIES = '地-';

/** A land operation on the ledger year: its type and valid input. */
export type CollectiveLandOperation = {
  readonly [K in keyof CollectiveLandInputs]: { readonly type: K; readonly input: CollectiveLandInputs[K] };
}[keyof CollectiveLandInputs];

const built = <D>(definition: EventDefinition<string, D>, wire: Record<string, unknown>): CollectiveLandEvent => {
  const result = definition.codec.decode(wire);
  if (isLeft(result)) throw new Error(`the land sub-ledger built an invalid ${definition.type}: ${formatValidationErrors(result.left, 'data').join('; ')}`);
  return { type: definition.type, data: result.right } as CollectiveLandEvent;
};

/** The journal lines a land event implies: what its voucher must post. */
export const landImpliedLines = (_state: CollectiveLand, event: CollectiveLandEvent): ImpliedLines => {
  const d = event.data;
  switch (event.type) {
    case 'LandRentCollected':
      return { lines: collectionPostings(event.data, d.amount.toFen(), event.data.serviceFee.toFen()), complete: true };
    case 'LandIncomePaidOn':
      return { lines: paymentOnPostings(event.data.heldAccount, event.data.paidFrom, d.amount.toFen()), complete: true };
    case 'LandServiceFeeReceived':
      return { lines: serviceFeePostings(event.data.receivedInto, event.data.feeAccount, d.amount.toFen()), complete: true };
  }
};

const SUMMARY: Readonly<Record<CollectiveLandEvent['type'], string>> = {
  LandRentCollected: '代收土地流转租金',
  LandIncomePaidOn: '代付农户土地收益',
  LandServiceFeeReceived: '土地流转服务费',
};

type Input<K extends CollectiveLandOperation['type']> = Extract<CollectiveLandOperation, { type: K }>['input'];

/** The input as the event writes it: the voucher number the ledger year gives, the amount as a string, no `note` key when none. */
const common = (input: CollectiveLandOperation['input'], voucherNo: string) => {
  const { note, voucherNo: _named, ...rest } = input;
  return { ...rest, ...(note === undefined ? {} : { note }), voucherNo, amount: input.amount.toString() };
};

const a = DEFAULT_LAND_ACCOUNTS;

const collected = (c: Input<'CollectLandRent'>, voucherNo: string): CollectiveLandEvent =>
  built(landRentCollected, {
    ...common(c, voucherNo),
    serviceFee: (c.serviceFee ?? Money.zero).toString(),
    receivedInto: c.receivedInto ?? a.receivedInto,
    heldAccount: c.heldAccount ?? a.heldAccount,
    feeAccount: c.feeAccount ?? a.feeAccount,
  });

const paidOn = (p: Input<'PayOnLandIncome'>, voucherNo: string): CollectiveLandEvent =>
  built(landIncomePaidOn, { ...common(p, voucherNo), paidFrom: p.paidFrom ?? a.paidFrom, heldAccount: p.heldAccount ?? a.heldAccount });

const feeReceived = (f: Input<'ReceiveLandServiceFee'>, voucherNo: string): CollectiveLandEvent =>
  built(landServiceFeeReceived, { ...common(f, voucherNo), receivedInto: f.receivedInto ?? a.receivedInto, feeAccount: f.feeAccount ?? a.feeAccount });

const eventFor = (operation: CollectiveLandOperation, voucherNo: string): CollectiveLandEvent => {
  switch (operation.type) {
    case 'CollectLandRent':
      return collected(operation.input, voucherNo);
    case 'PayOnLandIncome':
      return paidOn(operation.input, voucherNo);
    case 'ReceiveLandServiceFee':
      return feeReceived(operation.input, voucherNo);
  }
};

const accountsOf = (event: CollectiveLandEvent) => {
  switch (event.type) {
    case 'LandRentCollected':
      return [['receivedInto', event.data.receivedInto], ['heldAccount', event.data.heldAccount], ['feeAccount', event.data.feeAccount]] as const;
    case 'LandIncomePaidOn':
      return [['paidFrom', event.data.paidFrom], ['heldAccount', event.data.heldAccount]] as const;
    case 'LandServiceFeeReceived':
      return [['receivedInto', event.data.receivedInto], ['feeAccount', event.data.feeAccount]] as const;
  }
};

const decide = (operation: CollectiveLandOperation, state: CollectiveLand, year: LedgerYearView): Either<LandError, SubLedgerDecision<CollectiveLandEvent>> => {
  const event = eventFor(operation, year.voucherNo);
  const problem = landAccountsProblem(year.chart, accountsOf(event)) ?? collectiveLandProblem(state, event);
  if (problem !== undefined) return left(problem);
  return right({ events: [event], summary: `${SUMMARY[event.type]}：${event.data.transferId}`, postings: landImpliedLines(state, event).lines });
};

/**
 * Land on the collective's books (series 地-): rent collected as
 * intermediary and held for households on 113, paid on to them, and the
 * collective's service fee. The close carries what is still held.
 */
export const landSubLedger: SubLedger<CollectiveLandOperation, CollectiveLandEvent, CollectiveLand, LandError, CollectiveLand> = {
  name: 'land',
  series: LAND_SERIES,
  eventTypes: collectiveLandEventTypes,
  carried: CarriedLand,
  open: (carried) => carried ?? emptyCollectiveLand(),
  carry: (state) => state,
  evolve: applyCollectiveLandEvent,
  decide,
  recheck: (state, event) => collectiveLandProblem(state, event)?.message,
  impliedLines: landImpliedLines,
  voucherNoOf: (operation) => operation.input.voucherNo,
  notVillage: (operation, found) => landError('LAND_ORGANIZATION_NOT_VILLAGE', `organizationId: ${operation.input.organizationId} is ${found}; land on the books is a village collective's`),
  yearClosed: (operation, year) => landError('LAND_YEAR_CLOSED', `${year} is closed for ${operation.input.organizationId}: record it with a date in the open year`),
};
