import { describe, it } from 'vitest';
import { contractFlagged, contractFlagWithdrawn, contractRectified, contractTerminated } from './events.js';
import { contractEvent, contractOperation, given, shopSigned } from './test-contract-specs.js';

const flag = { contractId: 'c1', flaggedOn: '2024-04-01', reasons: [{ reason: 'no-democratic-procedure' }, { reason: 'price-below-market', note: '低于市场价40%' }], reviewId: 'review-2024' };
const flagged = contractEvent(contractFlagged, flag);
const rectification = { contractId: 'c1', rectifiedOn: '2024-05-10', method: 'renegotiated', approvals: [{ procedure: 'members-assembly', approvedOn: '2024-05-08' }] };
const rectified = contractEvent(contractRectified, rectification);

describe('the review of contracts', () => {
  it('flags a contract irregular with its reasons', () => {
    given(shopSigned()).when(contractOperation('FlagContract', flag)).then([flagged]);
  });

  it('rectifies a flagged contract by a method', () => {
    given(shopSigned(), flagged).when(contractOperation('RectifyContract', rectification)).then([rectified]);
  });

  it('withdraws a flag, with why', () => {
    const withdrawal = { contractId: 'c1', withdrawnOn: '2024-04-20', reason: '核查有误，已履行民主程序' };
    given(shopSigned(), flagged).when(contractOperation('WithdrawContractFlag', withdrawal)).then([contractEvent(contractFlagWithdrawn, withdrawal)]);
  });

  it('flags a contract again after it was rectified (a new review)', () => {
    const again = { contractId: 'c1', flaggedOn: '2024-09-01', reasons: [{ reason: 'fees-unpaid' }] };
    given(shopSigned(), flagged, rectified).when(contractOperation('FlagContract', again)).then([contractEvent(contractFlagged, again)]);
  });

  it('answers a flag by terminating the contract', () => {
    const termination = { contractId: 'c1', terminatedOn: '2024-05-01', reason: 'irregular', note: '清理中解除' };
    given(shopSigned(), flagged).when(contractOperation('TerminateContract', termination)).then([contractEvent(contractTerminated, { ...termination, cancelled: [1, 2] })]);
  });

  it('refuses to rectify a contract that is not flagged, or one already terminated', () => {
    given(shopSigned())
      .when(contractOperation('RectifyContract', rectification))
      .thenRefuses({ code: 'CONTRACT_NOT_FLAGGED', message: 'contractId: c1 has no flag open; only a contract a review flagged is rectified' });
    given(shopSigned(), flagged, rectified)
      .when(contractOperation('RectifyContract', { ...rectification, rectifiedOn: '2024-06-01' }))
      .thenFails('CONTRACT_NOT_FLAGGED');
    const terminated = contractEvent(contractTerminated, { contractId: 'c1', terminatedOn: '2024-05-01', reason: 'irregular', note: '解除', cancelled: [1, 2] });
    given(shopSigned(), flagged, terminated)
      .when(contractOperation('RectifyContract', rectification))
      .thenRefuses({ code: 'CONTRACT_TERMINATED', message: 'contractId: c1 was terminated on 2024-05-01' });
  });
});
