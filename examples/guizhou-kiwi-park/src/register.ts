import { land, organization } from '@collective-ledger/core';
import type { Books } from './books.js';
import { CONTRACT, COUNTY, DUE_DATES, FEE_PER_MU_FEN, GUARANTEED_PER_SHARE_FEN, OPERATOR, REGISTERED_ON, RENT_PER_MU_FEN, TERM, TOWN, type VillagePlan } from './county.js';
import type { PlannedHousehold, PlannedParcel } from './households.js';
import { orFail } from './or-fail.js';
import { mu, yuan } from './random.js';

export const registerCounty = async ({ context, envelope }: Books): Promise<void> => {
  for (const input of [COUNTY, TOWN]) orFail(await organization.registerOrganization(context, { ...envelope(), occurredOn: '2014-01-01', input }));
};

const parcelInput = (v: VillagePlan, h: PlannedHousehold, p: PlannedParcel): land.ContractParcelInput => ({
  organizationId: v.organizationId,
  parcelId: p.parcelId,
  householdId: h.householdId,
  area: mu(p.tenths),
  kind: p.kind,
  ...CONTRACT,
  certificate: { number: `520122${p.parcelId.replace(/\D/g, '').padStart(10, '0')}`, issuedOn: CONTRACT.contractedOn, issuedBy: '息烽县人民政府' },
});

/**
 * The village, its households and their parcels, then the members: the
 * parcels are contracted while the member register is short, as each
 * command reads the village's register afresh.
 */
export const registerVillage = async ({ context, envelope }: Books, v: VillagePlan, households: readonly PlannedHousehold[]): Promise<void> => {
  orFail(await organization.registerOrganization(context, { ...envelope(), occurredOn: '2014-01-01', input: { organizationId: v.organizationId, kind: 'village', code: v.code, name: v.name, parentId: TOWN.organizationId } }));
  for (const h of households) {
    orFail(await organization.registerHousehold(context, { ...envelope(), occurredOn: REGISTERED_ON, input: { organizationId: v.organizationId, householdId: h.householdId, head: h.head } }));
  }
  for (const h of households) {
    for (const p of [h.rent, h.shares, h.kept]) if (p !== undefined) orFail(await land.contractParcel(context, { ...envelope(), input: parcelInput(v, h, p) }));
  }
  for (const h of households) {
    for (const m of h.members) {
      const input: organization.AdmitMemberInput = { organizationId: v.organizationId, memberId: m.memberId, householdId: h.householdId, name: m.name, joinedOn: REGISTERED_ON, reason: 'founding' };
      orFail(await organization.admitMember(context, { ...envelope(), input }));
    }
  }
};

export const rentTransferId = (v: VillagePlan): string => `${v.organizationId}-zk-rent`;
export const shareTransferId = (v: VillagePlan): string => `${v.organizationId}-zk-shares`;

/**
 * 委托流转: the village's hill land to the kiwi company through the
 * collective, one transfer for rent and one for land shares, each household
 * having signed its consent (同意书) first.
 */
export const transferToPark = async ({ context, envelope }: Books, v: VillagePlan, households: readonly PlannedHousehold[]): Promise<void> => {
  const common = { organizationId: v.organizationId, operator: OPERATOR, channel: 'collective', dueDates: DUE_DATES, serviceFeePerMu: yuan(FEE_PER_MU_FEN) } as const;
  const consent = (h: PlannedHousehold, what: string) => ({ householdId: h.householdId, signedOn: TERM.consentOn, document: `${v.name}土地${what}同意书-${h.householdId}` });
  const { consentOn: _, ...term } = TERM;
  const rent: land.TransferLandInput = {
    ...common,
    ...term,
    transferId: rentTransferId(v),
    parcels: households.map((h) => ({ parcelId: h.rent.parcelId, area: mu(h.rent.tenths) })),
    consents: households.map((h) => consent(h, '流转')),
    terms: { kind: 'cash', perMu: yuan(RENT_PER_MU_FEN) },
  };
  orFail(await land.transferLand(context, { ...envelope(), input: rent }));
  const pooled = households.filter((h) => h.shares !== undefined);
  const shares: land.TransferLandInput = {
    ...common,
    ...term,
    transferId: shareTransferId(v),
    parcels: pooled.map((h) => ({ parcelId: h.shares?.parcelId ?? '', area: mu(h.shares?.tenths ?? 0n) })),
    consents: pooled.map((h) => consent(h, '入股')),
    terms: { kind: 'shares', sharesPerMu: '1', guaranteedPerShare: yuan(GUARANTEED_PER_SHARE_FEN) },
  };
  orFail(await land.transferLand(context, { ...envelope(), input: shares }));
};
