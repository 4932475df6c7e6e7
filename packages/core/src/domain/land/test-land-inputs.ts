/*
 * Plain-JSON inputs of village `v`'s land commands, for tests: no test
 * framework here, so the CLI's tests can build land books with them too.
 */

/** A parcel of `area` mu of paddy contracted to `householdId` for 2016 to 2045 (ParcelContracted data). */
export const parcel = (parcelId: string, householdId: string, area: string, extra: object = {}) => ({
  parcelId,
  householdId,
  area,
  kind: 'paddy',
  contractedOn: '2016-01-01',
  contractStartsOn: '2016-01-01',
  contractEndsOn: '2045-12-31',
  ...extra,
});

/** Each household's written consent, signed 2018-02-01. */
export const consents = (...households: readonly string[]) => households.map((householdId) => ({ householdId, signedOn: '2018-02-01', document: `同意书-${householdId}` }));

/**
 * A direct transfer to a kiwi company, signed 2018-03-01, for 2018-03-01
 * to 2027-12-31, 800.00 a mu a year due each 31 December of 2018 to 2020
 * (TransferLand input).
 */
export const transfer = (transferId: string, parcels: readonly (readonly [parcelId: string, area: string])[], households: readonly string[], extra: object = {}) => ({
  transferId,
  operator: { name: '猕猴桃公司', kind: 'company' },
  channel: 'direct',
  signedOn: '2018-03-01',
  startsOn: '2018-03-01',
  endsOn: '2027-12-31',
  parcels: parcels.map(([parcelId, area]) => ({ parcelId, area })),
  consents: consents(...households),
  terms: { kind: 'cash', perMu: '800.00' },
  dueDates: ['2018-12-31', '2019-12-31', '2020-12-31'],
  ...extra,
});

/** An area in mu as text from whole ten-thousandths of a mu (12_500 → "1.2500"): integer arithmetic only, never a float. */
export const muText = (units: number): string => `${(units - (units % 10_000)) / 10_000}.${String(units % 10_000).padStart(4, '0')}`;
