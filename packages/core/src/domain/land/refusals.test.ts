import { describe, it } from 'vitest';
import { landDividendDeclared, landIncomePaid, landTransferred, landTransferTerminated, parcelContracted } from './events.js';
import { consents, given, landCommand, landEvent, parcel, transfer } from './test-land-specs.js';

const p1 = landEvent(parcelContracted, parcel('p1', 'h1', '4.5000'));
const p2 = landEvent(parcelContracted, parcel('p2', 'h2', '3.2500'));
const t1 = landEvent(landTransferred, transfer('t1', [['p1', '4.5'], ['p2', '3.25']], ['h1', 'h2']));

describe('the land register refuses', () => {
  it('a transfer without every household\'s written consent', () => {
    given(p1, p2).when(landCommand('TransferLand', transfer('t1', [['p1', '4.5'], ['p2', '3.25']], ['h1']))).thenFails('LAND_CONSENT_MISSING', 'consents: no written consent from household h2');
  });

  it('a consent signed after the transfer, or from a household with no land in it', () => {
    const late = transfer('t1', [['p1', '4.5']], [], { consents: [{ householdId: 'h1', signedOn: '2018-03-02', document: 'a' }] });
    given(p1).when(landCommand('TransferLand', late)).thenFails('LAND_CONSENT_INVALID', 'consents[0].signedOn');
    given(p1).when(landCommand('TransferLand', transfer('t1', [['p1', '4.5']], ['h1', 'h3']))).thenFails('LAND_CONSENT_INVALID', 'consents[1].householdId: h3');
  });

  it('more area than the parcel has free over the term', () => {
    given(p1, p2, t1).when(landCommand('TransferLand', transfer('t2', [['p1', '0.0001']], ['h1'], { signedOn: '2019-01-01' }))).thenFails('LAND_AREA_EXCEEDED', 'parcels[0].area: 0.0001 mu is more than the 0.0000 mu');
  });

  it('a term beyond the household\'s contract', () => {
    given(p1).when(landCommand('TransferLand', transfer('t1', [['p1', '1']], ['h1'], { endsOn: '2046-12-31' }))).thenFails('LAND_TERM_INVALID');
  });

  it('a parcel of a household not on the member register, or contracted twice', () => {
    given().when(landCommand('ContractParcel', parcel('p9', 'h9', '1'))).thenFails('LAND_HOUSEHOLD_UNKNOWN', 'householdId: household h9');
    given(p1).when(landCommand('ContractParcel', parcel('p1', 'h1', '1'))).thenFails('LAND_PARCEL_EXISTS');
  });

  it('a split whose parts do not add up, or of a parcel transferred', () => {
    const split = (a: string, b: string) => landCommand('SplitParcel', { parcelId: 'p1', splitOn: '2019-01-01', into: [{ parcelId: 'a', area: a }, { parcelId: 'b', area: b }] });
    given(p1).when(split('1', '3.4999')).thenFails('LAND_AREA_INVALID', 'into: the parts add up to 4.4999 mu, not the parcel\'s 4.5000 mu');
    given(p1, p2, t1).when(split('1', '3.5')).thenFails('LAND_PARCEL_TRANSFERRED');
  });

  it('a merger of parcels of different households', () => {
    given(p1, p2).when(landCommand('MergeParcels', { parcelIds: ['p1', 'p2'], mergedOn: '2017-01-01', into: 'p9' })).thenFails('LAND_PARCELS_MISMATCHED');
  });

  it('an entry dated before the register\'s last one', () => {
    given(p1, p2, t1).when(landCommand('ContractParcel', parcel('p3', 'h3', '1', { contractedOn: '2017-01-01' }))).thenFails('LAND_DATE_OUT_OF_ORDER');
  });

  it('a land register of a township', () => {
    given().when(landCommand('ContractParcel', parcel('p1', 'h1', '1'), 'township')).thenFails('LAND_ORGANIZATION_NOT_VILLAGE');
  });

  it('changes to a transfer that has ended', () => {
    const ended = landEvent(landTransferTerminated, { transferId: 't1', terminatedOn: '2019-06-30', reason: 'mutual-agreement', note: '协商' });
    given(p1, p2, t1, ended).when(landCommand('TerminateLandTransfer', { transferId: 't1', terminatedOn: '2019-07-01', reason: 'other', note: 'x' })).thenFails('LAND_TRANSFER_ENDED');
  });

  it('a renewal without consent, and a reassignment without consent', () => {
    given(p1, p2, t1).when(landCommand('RenewLandTransfer', { transferId: 't1', renewedOn: '2020-06-01', endsOn: '2030-12-31', dueDates: ['2028-12-31'], consents: consents('h1') })).thenFails('LAND_CONSENT_MISSING');
    given(p1, p2, t1).when(landCommand('ReassignLandTransfer', { transferId: 't1', newTransferId: 't2', reassignedOn: '2019-01-01', operator: { name: 'x', kind: 'other' }, consents: [] })).thenFails('LAND_CONSENT_MISSING');
  });

  it('rent paid beyond what the transfer owes the household', () => {
    const pay = (paymentId: string, amount: string) => ({ paymentId, transferId: 't1', householdId: 'h1', part: 'rent', paidOn: '2018-12-31', amount });
    // 4.5 mu × 800.00 × 3 years = 10,800.00
    given(p1, p2, t1, landEvent(landIncomePaid, pay('r1', '10000.00'))).when(landCommand('PayHousehold', pay('r2', '800.01'))).thenFails('LAND_OVERPAID', 'the 800.00 of rent still owed to h1');
    given(p1, p2, t1).when(landCommand('PayHousehold', { ...pay('r1', '1.00'), part: 'dividend' })).thenFails('LAND_PAYMENT_INVALID');
  });

  it('a land-share dividend paid without its year, or for a year not declared', () => {
    const pooled = landEvent(landTransferred, transfer('t1', [['p1', '4.5']], ['h1'], { terms: { kind: 'shares', sharesPerMu: '1', guaranteedPerShare: '500.00' } }));
    const declared = landEvent(landDividendDeclared, { transferId: 't1', year: 2018, declaredOn: '2019-01-10', amount: '450.00', dividends: [{ householdId: 'h1', shares: '4.5', amount: '450.00' }] });
    const dividend = { paymentId: 'd1', transferId: 't1', householdId: 'h1', part: 'dividend', paidOn: '2019-01-20', amount: '450.00' };
    given(p1, pooled, declared).when(landCommand('PayHousehold', dividend)).thenFails('LAND_PAYMENT_INVALID', 'year: a dividend payment names the year');
    given(p1, pooled, declared).when(landCommand('PayHousehold', { ...dividend, year: 2019 })).thenFails('LAND_PAYMENT_INVALID', 'year: no dividend of 2019 is declared on t1');
    given(p1, pooled, declared).when(landCommand('PayHousehold', { ...dividend, year: 2018, amount: '450.01' })).thenFails('LAND_OVERPAID');
  });

  it('a direct payment on a transfer that passes through the collective', () => {
    const viaCollective = landEvent(landTransferred, transfer('t1', [['p1', '4.5']], ['h1'], { channel: 'collective' }));
    given(p1, viaCollective).when(landCommand('PayHousehold', { paymentId: 'r1', transferId: 't1', householdId: 'h1', part: 'rent', paidOn: '2018-12-31', amount: '1.00' })).thenFails('LAND_PAYMENT_INVALID', 'PayOnLandIncome');
  });
});
