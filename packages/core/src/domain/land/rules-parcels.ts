import { Area } from '../../money/area.js';
import { landError, type LandError } from './errors.js';
import type { ParcelCertified, ParcelContracted, ParcelsMerged, ParcelSplit } from './events.js';
import type { LandRegister, ParcelRecord } from './register.js';
import { areaHeldOver } from './rent.js';
import { firstOf, householdProblem, type LandFacts } from './rules-common.js';

const FOREVER = '9999-12-31';

const newIdProblem = (register: LandRegister, field: string, parcelId: string): LandError | undefined =>
  register.parcels.has(parcelId) || register.retired.has(parcelId) ? landError('LAND_PARCEL_EXISTS', `${field}: parcel ${parcelId} is already on the land register`) : undefined;

/** A parcel on the register now; one split or merged away is named as such. */
export const parcelOf = (register: LandRegister, field: string, parcelId: string): ParcelRecord | LandError => {
  const parcel = register.parcels.get(parcelId);
  if (parcel !== undefined) return parcel;
  const gone = register.retired.get(parcelId);
  return landError('LAND_PARCEL_UNKNOWN', gone === undefined ? `${field}: parcel ${parcelId} is not on the land register` : `${field}: parcel ${parcelId} was split or merged on ${gone}`);
};

export const isLandError = (value: object): value is LandError => 'code' in value && 'message' in value;

const untransferredProblem = (register: LandRegister, field: string, parcel: ParcelRecord, date: string): LandError | undefined =>
  areaHeldOver(register, parcel.parcelId, { startsOn: date, endsOn: FOREVER }).isZero()
    ? undefined
    : landError('LAND_PARCEL_TRANSFERRED', `${field}: parcel ${parcel.parcelId} has its management right transferred on or after ${date}; end the transfer first`);

const positive = (field: string, area: Area): LandError | undefined => (area.isZero() ? landError('LAND_AREA_INVALID', `${field}: expected an area greater than 0 mu`) : undefined);

export const contractedProblem = (register: LandRegister, { data: d }: ParcelContracted, facts: LandFacts): LandError | undefined =>
  firstOf(
    () => newIdProblem(register, 'parcelId', d.parcelId),
    () => householdProblem(facts, 'householdId', d.householdId),
    () => positive('area', d.area),
    () => (d.contractStartsOn <= d.contractEndsOn ? undefined : landError('LAND_TERM_INVALID', `contractEndsOn: ${d.contractEndsOn} is before contractStartsOn ${d.contractStartsOn}`)),
  );

export const certifiedProblem = (register: LandRegister, { data: d }: ParcelCertified): LandError | undefined => {
  const parcel = parcelOf(register, 'parcelId', d.parcelId);
  return isLandError(parcel) ? parcel : undefined;
};

export const splitProblem = (register: LandRegister, { data: d }: ParcelSplit): LandError | undefined => {
  const parcel = parcelOf(register, 'parcelId', d.parcelId);
  if (isLandError(parcel)) return parcel;
  if (d.into.length < 2) return landError('LAND_AREA_INVALID', 'into: a split gives at least two parts');
  const ids = new Set<string>();
  for (const [i, part] of d.into.entries()) {
    const problem = (ids.has(part.parcelId) ? landError('LAND_PARCEL_EXISTS', `into[${i}].parcelId: ${part.parcelId} is given twice`) : undefined) ?? newIdProblem(register, `into[${i}].parcelId`, part.parcelId) ?? positive(`into[${i}].area`, part.area);
    if (problem !== undefined) return problem;
    ids.add(part.parcelId);
  }
  const total = d.into.reduce((sum, p) => sum.plus(p.area), Area.zero);
  if (!total.equals(parcel.area)) return landError('LAND_AREA_INVALID', `into: the parts add up to ${total.toString()} mu, not the parcel's ${parcel.area.toString()} mu`);
  return untransferredProblem(register, 'parcelId', parcel, d.splitOn);
};

const sameContract = (a: ParcelRecord, b: ParcelRecord): boolean =>
  a.householdId === b.householdId && a.kind === b.kind && a.contractStartsOn === b.contractStartsOn && a.contractEndsOn === b.contractEndsOn;

export const mergedProblem = (register: LandRegister, { data: d }: ParcelsMerged): LandError | undefined => {
  if (new Set(d.parcelIds).size !== d.parcelIds.length || d.parcelIds.length < 2) return landError('LAND_PARCELS_MISMATCHED', 'parcelIds: a merger takes at least two different parcels');
  const parcels: ParcelRecord[] = [];
  for (const [i, id] of d.parcelIds.entries()) {
    const parcel = parcelOf(register, `parcelIds[${i}]`, id);
    if (isLandError(parcel)) return parcel;
    const first = parcels[0];
    if (first !== undefined && !sameContract(first, parcel)) {
      return landError('LAND_PARCELS_MISMATCHED', `parcelIds[${i}]: ${id} is not of the same household, kind and contract as ${first.parcelId}`);
    }
    const transferred = untransferredProblem(register, `parcelIds[${i}]`, parcel, d.mergedOn);
    if (transferred !== undefined) return transferred;
    parcels.push(parcel);
  }
  const total = parcels.reduce((sum, p) => sum.plus(p.area), Area.zero);
  return newIdProblem(register, 'into', d.into) ?? (total.equals(d.area) ? undefined : landError('LAND_AREA_INVALID', `area: ${d.area.toString()} mu is not the ${total.toString()} mu of the parcels merged`));
};
