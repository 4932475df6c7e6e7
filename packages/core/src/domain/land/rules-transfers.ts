import { landError, type LandError } from './errors.js';
import type { GrainPriceReviewed, LandTransferReassigned, LandTransferred, LandTransferRenewed, LandTransferTerminated } from './events.js';
import type { LandRegister, TransferRecord } from './register.js';
import { areaHeldOver, householdAreas } from './rent.js';
import { consentProblem, datesProblem, firstOf } from './rules-common.js';
import { isLandError, parcelOf } from './rules-parcels.js';
import type { LandTransferredData } from './transfer-events.js';

/** Each parcel once, on the register, for a positive area within what other transfers leave, for a term within its contract; the households whose land it is. */
const partsProblem = (register: LandRegister, d: LandTransferredData): LandError | Set<string> => {
  if (d.parcels.length === 0) return landError('LAND_AREA_INVALID', 'parcels: a transfer takes at least one parcel');
  const households = new Set<string>();
  const seen = new Set<string>();
  for (const [i, part] of d.parcels.entries()) {
    const field = `parcels[${i}]`;
    if (seen.has(part.parcelId)) return landError('LAND_AREA_INVALID', `${field}.parcelId: ${part.parcelId} is given twice; give its whole area once`);
    seen.add(part.parcelId);
    const parcel = parcelOf(register, `${field}.parcelId`, part.parcelId);
    if (isLandError(parcel)) return parcel;
    if (part.area.isZero()) return landError('LAND_AREA_INVALID', `${field}.area: expected an area greater than 0 mu`);
    if (d.startsOn < parcel.contractStartsOn || d.endsOn > parcel.contractEndsOn) {
      return landError('LAND_TERM_INVALID', `${d.startsOn < parcel.contractStartsOn ? 'startsOn' : 'endsOn'}: the term ${d.startsOn} to ${d.endsOn} is outside parcel ${parcel.parcelId}'s contract ${parcel.contractStartsOn} to ${parcel.contractEndsOn}`);
    }
    const free = parcel.area.minus(areaHeldOver(register, parcel.parcelId, d));
    if (part.area.compare(free) > 0) {
      return landError('LAND_AREA_EXCEEDED', `${field}.area: ${part.area.toString()} mu is more than the ${free.toString()} mu of parcel ${parcel.parcelId} not transferred over ${d.startsOn} to ${d.endsOn}`);
    }
    households.add(parcel.householdId);
  }
  return households;
};

const termsProblem = (d: LandTransferredData): LandError | undefined => {
  if (d.terms.kind !== 'grain') return undefined;
  const problem = datesProblem('terms.reviewDates', d.terms.reviewDates, d.startsOn, d.endsOn);
  return problem === undefined ? undefined : landError('LAND_TERMS_INVALID', problem.message);
};

export const transferredProblem = (register: LandRegister, { data: d }: LandTransferred): LandError | undefined => {
  if (register.transfers.has(d.transferId)) return landError('LAND_TRANSFER_EXISTS', `transferId: ${d.transferId} is already on the land register`);
  if (d.endsOn < d.startsOn) return landError('LAND_TERM_INVALID', `endsOn: ${d.endsOn} is before startsOn ${d.startsOn}`);
  const households = partsProblem(register, d);
  if (!(households instanceof Set)) return households;
  return firstOf(
    () => consentProblem(d.consents, households, d.signedOn),
    () => (d.dueDates.length === 0 ? landError('LAND_SCHEDULE_INVALID', 'dueDates: give the date each year of rent falls due') : datesProblem('dueDates', d.dueDates, d.signedOn, d.endsOn)),
    () => termsProblem(d),
  );
};

/** A transfer on the register and still in force. */
export const activeTransfer = (register: LandRegister, transferId: string): TransferRecord | LandError => {
  const transfer = register.transfers.get(transferId);
  if (transfer === undefined) return landError('LAND_TRANSFER_UNKNOWN', `transferId: ${transferId} is not on the land register`);
  if (transfer.status !== 'active') return landError('LAND_TRANSFER_ENDED', `transferId: ${transferId} was ${transfer.status} on ${transfer.endedOn ?? ''}`);
  return transfer;
};

const inTerm = (field: string, date: string, t: TransferRecord): LandError | undefined =>
  date >= t.signedOn && date <= t.endsOn ? undefined : landError('LAND_DATE_INVALID', `${field}: ${date} is outside ${t.transferId}'s term, signed ${t.signedOn}, ending ${t.endsOn}`);

const partiesOf = (t: TransferRecord): Set<string> => new Set(householdAreas(t).keys());

export const terminatedProblem = (register: LandRegister, { data: d }: LandTransferTerminated): LandError | undefined => {
  const t = activeTransfer(register, d.transferId);
  return isLandError(t) ? t : inTerm('terminatedOn', d.terminatedOn, t);
};

export const renewedProblem = (register: LandRegister, { data: d }: LandTransferRenewed): LandError | undefined => {
  const t = activeTransfer(register, d.transferId);
  if (isLandError(t)) return t;
  if (d.endsOn <= t.endsOn) return landError('LAND_TERM_INVALID', `endsOn: ${d.endsOn} is not after the term's end ${t.endsOn}`);
  for (const part of t.parts) {
    const parcel = register.parcels.get(part.parcelId);
    if (parcel !== undefined && d.endsOn > parcel.contractEndsOn) return landError('LAND_TERM_INVALID', `endsOn: ${d.endsOn} is after parcel ${parcel.parcelId}'s contract ends on ${parcel.contractEndsOn}`);
    const free = parcel?.area.minus(areaHeldOver(register, part.parcelId, { startsOn: t.endsOn, endsOn: d.endsOn }, t.transferId));
    if (free !== undefined && part.area.compare(free) > 0) return landError('LAND_AREA_EXCEEDED', `endsOn: parcel ${part.parcelId} is transferred to another operator before ${d.endsOn}`);
  }
  return firstOf(
    () => inTerm('renewedOn', d.renewedOn, t),
    () => consentProblem(d.consents, partiesOf(t), d.renewedOn),
    () => (d.dueDates.length === 0 ? landError('LAND_SCHEDULE_INVALID', 'dueDates: give the date each year of the extension falls due') : undefined),
    () => {
      const last = t.dueDates[t.dueDates.length - 1] ?? '';
      const first = d.dueDates[0] ?? '';
      return first > last ? datesProblem('dueDates', d.dueDates, first, d.endsOn) : landError('LAND_SCHEDULE_INVALID', `dueDates[0]: ${first} is not after the last due date ${last}`);
    },
  );
};

export const reassignedProblem = (register: LandRegister, { data: d }: LandTransferReassigned): LandError | undefined => {
  const t = activeTransfer(register, d.transferId);
  if (isLandError(t)) return t;
  if (register.transfers.has(d.newTransferId)) return landError('LAND_TRANSFER_EXISTS', `newTransferId: ${d.newTransferId} is already on the land register`);
  const date = d.reassignedOn < t.startsOn || d.reassignedOn >= t.endsOn ? landError('LAND_DATE_INVALID', `reassignedOn: ${d.reassignedOn} is not within ${t.transferId}'s term ${t.startsOn} to ${t.endsOn}`) : undefined;
  return date ?? consentProblem(d.consents, partiesOf(t), d.reassignedOn);
};

export const reviewedProblem = (register: LandRegister, { data: d }: GrainPriceReviewed): LandError | undefined => {
  const t = activeTransfer(register, d.transferId);
  if (isLandError(t)) return t;
  if (t.terms.kind !== 'grain') return landError('LAND_REVIEW_INVALID', `transferId: ${d.transferId} pays rent in ${t.terms.kind}, not grain`);
  if (!t.terms.reviewDates.includes(d.effectiveFrom)) return landError('LAND_REVIEW_INVALID', `effectiveFrom: ${d.effectiveFrom} is not a review date of ${d.transferId} (${t.terms.reviewDates.join(', ') || 'none'})`);
  const last = t.prices[t.prices.length - 1]?.from ?? '';
  if (d.effectiveFrom <= last) return landError('LAND_REVIEW_INVALID', `effectiveFrom: the price was already reviewed from ${last}`);
  return d.reviewedOn <= d.effectiveFrom ? undefined : landError('LAND_REVIEW_INVALID', `reviewedOn: ${d.reviewedOn} is after effectiveFrom ${d.effectiveFrom}; a review sets the price of rent not yet due`);
};
