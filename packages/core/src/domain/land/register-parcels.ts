import { Area } from '../../money/area.js';
import type { LandEvent, ParcelCertified, ParcelContracted, ParcelsMerged, ParcelSplit } from './events.js';
import type { LandRegister, ParcelRecord } from './register.js';

const sumOf = (areas: readonly Area[]): Area => areas.reduce((sum, a) => sum.plus(a), Area.zero);

type ParcelEvent = ParcelContracted | ParcelCertified | ParcelSplit | ParcelsMerged;
const PARCEL_TYPES: ReadonlySet<string> = new Set<ParcelEvent['type']>(['ParcelContracted', 'ParcelCertified', 'ParcelSplit', 'ParcelsMerged']);
const isParcelEvent = (event: LandEvent): event is ParcelEvent => PARCEL_TYPES.has(event.type);

const parcelsAfter = (register: LandRegister, event: ParcelEvent): LandRegister => {
  switch (event.type) {
    case 'ParcelContracted': {
      const d = event.data;
      const parcel: ParcelRecord = {
        parcelId: d.parcelId,
        householdId: d.householdId,
        area: d.area,
        kind: d.kind,
        contractStartsOn: d.contractStartsOn,
        contractEndsOn: d.contractEndsOn,
        location: d.location,
        certificate: d.certificate,
        transfers: [],
      };
      return { ...register, parcels: register.parcels.set(d.parcelId, parcel) };
    }
    case 'ParcelCertified': {
      const d = event.data;
      const parcel = register.parcels.get(d.parcelId);
      return parcel === undefined ? register : { ...register, parcels: register.parcels.set(d.parcelId, { ...parcel, certificate: d.certificate }) };
    }
    case 'ParcelSplit': {
      const d = event.data;
      const parcel = register.parcels.get(d.parcelId);
      if (parcel === undefined) return register;
      let parcels = register.parcels.delete(d.parcelId);
      for (const part of d.into) parcels = parcels.set(part.parcelId, { ...parcel, parcelId: part.parcelId, area: part.area, certificate: undefined, transfers: [] });
      return { ...register, parcels, retired: register.retired.set(d.parcelId, d.splitOn) };
    }
    case 'ParcelsMerged': {
      const d = event.data;
      const merged = d.parcelIds.map((id) => register.parcels.get(id)).filter((p): p is ParcelRecord => p !== undefined);
      const first = merged[0];
      if (first === undefined) return register;
      let parcels = register.parcels;
      let retired = register.retired;
      for (const id of d.parcelIds) {
        parcels = parcels.delete(id);
        retired = retired.set(id, d.mergedOn);
      }
      const into: ParcelRecord = { ...first, parcelId: d.into, area: sumOf(merged.map((p) => p.area)), location: undefined, certificate: undefined, transfers: [] };
      return { ...register, parcels: parcels.set(d.into, into), retired };
    }
  }
};

/** The parcels after a parcel event: contracted, certified, split into parts, merged into one. Other events leave them. */
export const evolveParcels = (register: LandRegister, event: LandEvent): LandRegister => (isParcelEvent(event) ? parcelsAfter(register, event) : register);
