import { allocate } from '../../money/allocate.js';
import { Money } from '../../money/money.js';
import { landError, type LandError } from './errors.js';
import type { LandDividendDeclared, LandIncomePaid } from './events.js';
import type { LandIncomePaidData } from './payment-events.js';
import { dividendKey, paidKey, type LandRegister, type TransferRecord } from './register.js';
import { dividendsDeclaredTo, dueTo, householdShares, instalmentPart } from './rent.js';
import { isLandError } from './rules-parcels.js';

const yuan = (fen: bigint): string => Money.fromFen(fen).toString();

/** 按股分红 of `amount` over the households' land shares, exact to the fen (`allocate`), in household-id order, as the event writes them. */
export const dividendsOf = (transfer: TransferRecord, amount: Money): { householdId: string; shares: string; amount: string }[] => {
  const shares = householdShares(transfer);
  const parts = allocate(amount, [...shares.values()]);
  return [...shares].map(([householdId, n], i) => ({ householdId, shares: n.toFixed(), amount: (parts[i] ?? Money.zero).toString() }));
};

const transferOf = (register: LandRegister, transferId: string): TransferRecord | LandError =>
  register.transfers.get(transferId) ?? landError('LAND_TRANSFER_UNKNOWN', `transferId: ${transferId} is not on the land register`);

export const declaredProblem = (register: LandRegister, { data: d }: LandDividendDeclared): LandError | undefined => {
  const t = transferOf(register, d.transferId);
  if (isLandError(t)) return t;
  if (t.terms.kind !== 'shares') return landError('LAND_DIVIDEND_INVALID', `transferId: ${d.transferId} pays rent, not land-share dividends`);
  if (register.dividends.has(dividendKey(d.transferId, d.year))) return landError('LAND_DIVIDEND_INVALID', `year: the dividend of ${d.year} on ${d.transferId} is already declared`);
  const ended = t.endedOn ?? t.endsOn;
  if (t.startsOn > `${d.year}-12-31` || ended < `${d.year}-01-01`) return landError('LAND_DIVIDEND_INVALID', `year: ${d.transferId} was not in force in ${d.year}`);
  if (d.declaredOn < `${d.year}-01-01`) return landError('LAND_DATE_INVALID', `declaredOn: ${d.declaredOn} is before the year ${d.year} it pays on`);
  return undefined;
};

/** A dividend payment names a year whose dividend is declared. */
const dividendYearProblem = (register: LandRegister, d: LandIncomePaidData): LandError | undefined => {
  if (d.year === undefined) return landError('LAND_PAYMENT_INVALID', 'year: a dividend payment names the year whose dividend it pays');
  return register.dividends.has(dividendKey(d.transferId, d.year)) ? undefined : landError('LAND_PAYMENT_INVALID', `year: no dividend of ${d.year} is declared on ${d.transferId}`);
};

/** What the payment's part of the transfer comes to for its household over the transfer (instalments, or dividends declared), in fen. */
const entitled = (register: LandRegister, t: TransferRecord, d: LandIncomePaidData): bigint | LandError => {
  if (d.part === 'dividend') {
    if (t.terms.kind !== 'shares') return landError('LAND_PAYMENT_INVALID', `part: ${t.transferId} pays rent, not land-share dividends`);
    return dividendYearProblem(register, d) ?? dividendsDeclaredTo(register, t.transferId, d.householdId);
  }
  const pays = instalmentPart(t);
  return d.part === pays ? dueTo(t, d.householdId) : landError('LAND_PAYMENT_INVALID', `part: ${t.transferId} pays ${pays}, not ${d.part}`);
};

export const paidProblem = (register: LandRegister, { data: d }: LandIncomePaid): LandError | undefined => {
  if (register.payments.has(d.paymentId)) return landError('LAND_PAYMENT_EXISTS', `paymentId: ${d.paymentId} is already recorded`);
  const t = transferOf(register, d.transferId);
  if (isLandError(t)) return t;
  if (t.channel === 'collective') {
    return landError('LAND_PAYMENT_INVALID', `transferId: ${d.transferId} passes through the collective; its payments to households are made on the collective's books (PayOnLandIncome)`);
  }
  if (!t.parts.some((p) => p.householdId === d.householdId)) return landError('LAND_PAYMENT_INVALID', `householdId: ${d.householdId} has no land in ${d.transferId}`);
  if (d.paidOn < t.signedOn) return landError('LAND_DATE_INVALID', `paidOn: ${d.paidOn} is before ${d.transferId} was signed on ${t.signedOn}`);
  const total = entitled(register, t, d);
  if (typeof total !== 'bigint') return total;
  const owed = total - (register.paid.get(paidKey(d.transferId, d.householdId, d.part)) ?? 0n);
  return d.amount.toFen() <= owed ? undefined : landError('LAND_OVERPAID', `amount: ${d.amount.toString()} is more than the ${yuan(owed)} of ${d.part} still owed to ${d.householdId} on ${d.transferId}`);
};
