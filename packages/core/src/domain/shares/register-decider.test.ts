import { describe, it } from 'vitest';
import { specFor } from '@collective-ledger/testing';
import { decoded } from '../../test-support/decoded.js';
import type { VillageRegister } from '../organization/member-register.js';
import { AdoptCharterInput, InheritSharesInput, QuantifySharesInput, TransferSharesInput, WithdrawSharesInput, type ShareRegisterCommand } from './commands.js';
import type { ShareRegisterEvent } from './events.js';
import { SharesInheritedData } from './register-events.js';
import { shareRegisterDecider } from './register-decider.js';
import { allotments, charter, quantification } from './test-shares.js';

const spec = specFor(shareRegisterDecider);
const given = (...history: ShareRegisterEvent[]) => spec(history);

/** Four members in two households from 2020-06-01; m1 died on 2022-03-01, m3 moved away on 2022-02-01. */
const record = (memberId: string, householdId: string, name: string, left?: readonly [string, 'death' | 'moving-away']) => ({
  memberId,
  name,
  idNumber: undefined,
  phone: undefined,
  joinedOn: '2020-06-01',
  joinReason: 'founding' as const,
  homes: [{ householdId, from: '2020-06-01' }],
  leftOn: left?.[0],
  leaveReason: left?.[1],
  erasedOn: undefined,
});
const members: VillageRegister = {
  households: new Map(),
  members: new Map([record('m1', 'h1', '张大', ['2022-03-01', 'death']), record('m2', 'h1', '张小'), record('m3', 'h2', '李二', ['2022-02-01', 'moving-away']), record('m4', 'h2', '李三')].map((m) => [m.memberId, m])),
};

const command = (type: ShareRegisterCommand['type'], input: unknown): ShareRegisterCommand => {
  const codecs = { AdoptCharter: AdoptCharterInput, QuantifyShares: QuantifySharesInput, TransferShares: TransferSharesInput, InheritShares: InheritSharesInput, WithdrawShares: WithdrawSharesInput };
  return { type, input: decoded(codecs[type] as never, { organizationId: 'v', ...(input as object) }), organizationKind: 'village', members } as ShareRegisterCommand;
};

const adopted = (extra: object = {}): ShareRegisterEvent => ({ type: 'ShareCharterAdopted', data: decoded(AdoptCharterInput, { organizationId: 'v', ...charter(extra) }) });
const quantified: ShareRegisterEvent = { type: 'SharesQuantified', data: decoded(QuantifySharesInput, { organizationId: 'v', ...quantification() }) };

describe('share register decider: given, when, then', () => {
  it('adopts a charter, then quantifies', () => {
    given().when(command('AdoptCharter', charter())).then([adopted()]);
    given(adopted()).when(command('QuantifyShares', quantification())).then([quantified]);
  });

  it('refuses a charter with a class twice, with no class for members, or dropping a class still held', () => {
    const twice = charter({ classes: [{ classId: 'a', nameZh: '甲', heldBy: 'member' }, { classId: 'a', nameZh: '乙', heldBy: 'member' }] });
    given().when(command('AdoptCharter', twice)).thenRefuses({ code: 'SHARES_CHARTER_INVALID', message: 'classes: a is defined twice' });
    given().when(command('AdoptCharter', charter({ classes: [{ classId: 'c', nameZh: '集体股', heldBy: 'collective' }] }))).thenRefuses({ code: 'SHARES_CHARTER_INVALID', message: 'classes: a charter needs at least one class held by members' });
    given(adopted(), quantified)
      .when(command('AdoptCharter', charter({ adoptedOn: '2022-01-01', classes: [{ classId: 'member', nameZh: '成员股', heldBy: 'member' }] })))
      .thenRefuses({ code: 'SHARES_CHARTER_INVALID', message: 'classes: shares of collective, labour are still held; a new charter must keep their classes' });
  });

  it('refuses a quantification without a charter, a second one, or one dated before the register', () => {
    given().when(command('QuantifyShares', quantification())).thenRefuses({ code: 'SHARES_NO_CHARTER', message: 'organizationId: the village has adopted no share charter; adopt one first' });
    given(adopted(), quantified).when(command('QuantifyShares', quantification({ baseDate: '2022-01-01' }))).thenRefuses({ code: 'SHARES_ALREADY_QUANTIFIED', message: 'baseDate: the shares were quantified on 2021-06-30; later changes are transfers, inheritances and withdrawals' });
    given(adopted()).when(command('QuantifyShares', quantification({ baseDate: '2020-12-31' }))).thenRefuses({ code: 'SHARES_DATE_OUT_OF_ORDER', message: "baseDate: 2020-12-31 is before the register's latest entry on 2021-01-01; the register is kept in date order" });
    given(adopted()).when(command('QuantifyShares', quantification({ allotments: [] }))).thenRefuses({ code: 'SHARES_ALLOTMENT_INVALID', message: 'allotments: a quantification allots at least one share' });
    given(adopted()).when(command('QuantifyShares', quantification({ allotments: [...allotments, allotments[0]] }))).thenRefuses({ code: 'SHARES_ALLOTMENT_INVALID', message: 'allotments[8]: m1 already has an allotment of member' });
  });

  it('refuses transfers the charter forbids or the holder cannot make', () => {
    const transfer = { fromMemberId: 'm2', toMemberId: 'm4', classId: 'labour', shares: '1', transferredOn: '2022-04-01' };
    given(adopted({ transfersAllowed: false }), quantified).when(command('TransferShares', transfer)).thenRefuses({ code: 'SHARES_TRANSFER_FORBIDDEN', message: 'classId: the charter adopted on 2021-01-01 does not allow transfers between members' });
    given(adopted(), quantified).when(command('TransferShares', { ...transfer, toMemberId: 'm2' })).thenRefuses({ code: 'SHARES_MEMBER_INVALID', message: 'toMemberId: a member cannot transfer shares to themselves' });
    given(adopted(), quantified).when(command('TransferShares', { ...transfer, toMemberId: 'm3' })).thenRefuses({ code: 'SHARES_MEMBER_INVALID', message: 'toMemberId: m3 (李二) is not a member on 2022-04-01: left on 2022-02-01' });
    given(adopted(), quantified).when(command('TransferShares', { ...transfer, shares: '2' })).thenRefuses({ code: 'SHARES_INSUFFICIENT', message: 'shares: m2 holds 1 labour shares, fewer than 2' });
    given(adopted(), quantified)
      .when(command('TransferShares', transfer))
      .then([{ type: 'SharesTransferred', data: decoded(TransferSharesInput, { organizationId: 'v', ...transfer }) }]);
  });

  it('refuses an inheritance from someone who did not die, outside the household, or of no shares', () => {
    given(adopted(), quantified).when(command('InheritShares', { fromMemberId: 'm3', toMemberId: 'm4', inheritedOn: '2022-04-01' })).thenRefuses({ code: 'SHARES_INHERITANCE_INVALID', message: 'fromMemberId: m3 left by moving-away, not death; shares are inherited only from a member who died' });
    given(adopted(), quantified).when(command('InheritShares', { fromMemberId: 'm1', toMemberId: 'm4', inheritedOn: '2022-04-01' })).thenRefuses({ code: 'SHARES_INHERITANCE_INVALID', message: "toMemberId: m4 is not in m1's household h1; shares are inherited within the household" });
    given(adopted()).when(command('InheritShares', { fromMemberId: 'm1', toMemberId: 'm2', inheritedOn: '2022-04-01' })).thenRefuses({ code: 'SHARES_INSUFFICIENT', message: 'fromMemberId: m1 holds no shares' });
    // m1's shares by class, in code-point order.
    const shares = [{ classId: 'labour', shares: '2' }, { classId: 'member', shares: '1' }];
    given(adopted(), quantified)
      .when(command('InheritShares', { fromMemberId: 'm1', toMemberId: 'm2', inheritedOn: '2022-04-01' }))
      .then([{ type: 'SharesInherited', data: decoded(SharesInheritedData, { organizationId: 'v', fromMemberId: 'm1', toMemberId: 'm2', inheritedOn: '2022-04-01', shares }) }]);
  });

  it('refuses a withdrawal of a member, or a second one', () => {
    given(adopted(), quantified).when(command('WithdrawShares', { memberId: 'm4', withdrawnOn: '2022-04-01' })).thenRefuses({ code: 'SHARES_MEMBER_INVALID', message: 'memberId: m4 (李三) is still a member on 2022-04-01; record the leaving first' });
    const withdrawn: ShareRegisterEvent = { type: 'SharesWithdrawn', data: { ...decoded(WithdrawSharesInput, { organizationId: 'v', memberId: 'm3', withdrawnOn: '2022-03-01' }), disposition: 'keep', shares: [] } as never };
    given(adopted(), quantified, withdrawn).when(command('WithdrawShares', { memberId: 'm3', withdrawnOn: '2022-04-01' })).thenRefuses({ code: 'SHARES_WITHDRAWAL_INVALID', message: 'memberId: the shares of m3 were already withdrawn' });
  });
});
