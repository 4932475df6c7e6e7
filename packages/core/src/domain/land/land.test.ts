import { describe, it } from 'vitest';
import { landTransferred, parcelContracted, parcelSplit, parcelsMerged, landTransferTerminated, landTransferRenewed, landTransferReassigned, parcelCertified } from './events.js';
import { given, landCommand, landEvent, parcel, transfer } from './test-land-specs.js';

const p1 = landEvent(parcelContracted, parcel('p1', 'h1', '4.5000'));
const p2 = landEvent(parcelContracted, parcel('p2', 'h2', '3.2500'));
const t1 = landEvent(landTransferred, transfer('t1', [['p1', '4.5'], ['p2', '3.25']], ['h1', 'h2']));

describe('contracted land (承包地)', () => {
  it('contracts a parcel to a household of the village', () => {
    given().when(landCommand('ContractParcel', parcel('p1', 'h1', '4.5'))).then([p1]);
  });

  it('certifies a parcel (确权颁证)', () => {
    const certificate = { number: '黔(2017)001号', issuedOn: '2017-06-01' };
    given(p1).when(landCommand('CertifyParcel', { parcelId: 'p1', certifiedOn: '2017-06-01', certificate })).then([landEvent(parcelCertified, { parcelId: 'p1', certifiedOn: '2017-06-01', certificate })]);
  });

  it('splits a parcel into parts whose areas add up exactly to its own', () => {
    const split = { parcelId: 'p1', splitOn: '2017-01-01', into: [{ parcelId: 'p1a', area: '1.3333' }, { parcelId: 'p1b', area: '3.1667' }] };
    given(p1).when(landCommand('SplitParcel', split)).then([landEvent(parcelSplit, split)]);
  });

  it('merges parcels of one household into one whose area is their sum', () => {
    const p3 = landEvent(parcelContracted, parcel('p3', 'h1', '0.0001'));
    given(p1, p3)
      .when(landCommand('MergeParcels', { parcelIds: ['p1', 'p3'], mergedOn: '2017-01-01', into: 'p4' }))
      .then([landEvent(parcelsMerged, { parcelIds: ['p1', 'p3'], mergedOn: '2017-01-01', into: 'p4', area: '4.5001' })]);
  });
});

describe('transfers of the management right (土地流转)', () => {
  it('transfers parcels of several households with each one\'s written consent', () => {
    given(p1, p2).when(landCommand('TransferLand', transfer('t1', [['p1', '4.5'], ['p2', '3.25']], ['h1', 'h2']))).then([t1]);
  });

  it('transfers part of a parcel, and the rest later to another operator', () => {
    const half = landEvent(landTransferred, transfer('t1', [['p1', '2.0000']], ['h1']));
    const rest = transfer('t2', [['p1', '2.5']], ['h1'], { operator: { name: '种植大户', kind: 'large-grower' }, signedOn: '2018-04-01' });
    given(p1, half).when(landCommand('TransferLand', rest)).then([landEvent(landTransferred, rest)]);
  });

  it('terminates a transfer early (提前解除)', () => {
    const input = { transferId: 't1', terminatedOn: '2019-06-30', reason: 'operator-breach', note: '拖欠租金' };
    given(p1, p2, t1).when(landCommand('TerminateLandTransfer', input)).then([landEvent(landTransferTerminated, input)]);
  });

  it('renews a transfer with the households\' consent again (续约)', () => {
    const input = { transferId: 't1', renewedOn: '2020-06-01', endsOn: '2030-12-31', dueDates: ['2028-12-31'], consents: [{ householdId: 'h1', signedOn: '2020-05-01', document: 'a' }, { householdId: 'h2', signedOn: '2020-05-01', document: 'b' }] };
    given(p1, p2, t1).when(landCommand('RenewLandTransfer', input)).then([landEvent(landTransferRenewed, input)]);
  });

  it('passes a transfer to another operator (再流转)', () => {
    const input = { transferId: 't1', newTransferId: 't2', reassignedOn: '2019-01-01', operator: { name: '合作社', kind: 'cooperative' }, consents: [{ householdId: 'h1', signedOn: '2018-12-01', document: 'a' }, { householdId: 'h2', signedOn: '2018-12-01', document: 'b' }] };
    given(p1, p2, t1).when(landCommand('ReassignLandTransfer', input)).then([landEvent(landTransferReassigned, input)]);
  });
});
