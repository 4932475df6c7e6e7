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
const exactly = (message: string): RegExp => new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** given(...events).when(command): specFor's expectations, with a refusal's message compared whole. */
const given = (...history: ShareRegisterEvent[]) => ({
  when: (command: ShareRegisterCommand) => {
    const expectations = spec(history).when(command);
    return {
      ...expectations,
      thenFails: (code: string, message: string) => {
        expectations.thenFails(code, exactly(message));
      },
    };
  },
});

/** Four members in two households from 2020-06-01; m1 died on 2022-03-01, m3 moved away on 2022-02-01. */
const record = (memberId: string, householdId: string, name: string, left?: readonly [string, 'death' | 'moving-away']) => ({
  memberId,
  name,
  idNumber: undefined,
  joinedOn: '2020-06-01',
  joinReason: 'founding' as const,
  homes: [{ householdId, from: '2020-06-01' }],
  leftOn: left?.[0],
  leaveReason: left?.[1],
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
    given().when(command('AdoptCharter', twice)).thenFails('SHARES_CHARTER_INVALID', 'classes: a is defined twice');
    given().when(command('AdoptCharter', charter({ classes: [{ classId: 'c', nameZh: '集体股', heldBy: 'collective' }] }))).thenFails('SHARES_CHARTER_INVALID', 'classes: a charter needs at least one class held by members');
    given(adopted(), quantified)
      .when(command('AdoptCharter', charter({ adoptedOn: '2022-01-01', classes: [{ classId: 'member', nameZh: '成员股', heldBy: 'member' }] })))
      .thenFails('SHARES_CHARTER_INVALID', 'classes: shares of collective, labour are still held; a new charter must keep their classes');
  });

  it('refuses a quantification without a charter, a second one, or one dated before the register', () => {
    given().when(command('QuantifyShares', quantification())).thenFails('SHARES_NO_CHARTER', 'organizationId: the village has adopted no share charter; adopt one first');
    given(adopted(), quantified).when(command('QuantifyShares', quantification({ baseDate: '2022-01-01' }))).thenFails('SHARES_ALREADY_QUANTIFIED', 'baseDate: the shares were quantified on 2021-06-30; later changes are transfers, inheritances and withdrawals');
    given(adopted()).when(command('QuantifyShares', quantification({ baseDate: '2020-12-31' }))).thenFails('SHARES_DATE_OUT_OF_ORDER', "baseDate: 2020-12-31 is before the register's latest entry on 2021-01-01; the register is kept in date order");
    given(adopted()).when(command('QuantifyShares', quantification({ allotments: [] }))).thenFails('SHARES_ALLOTMENT_INVALID', 'allotments: a quantification allots at least one share');
    given(adopted()).when(command('QuantifyShares', quantification({ allotments: [...allotments, allotments[0]] }))).thenFails('SHARES_ALLOTMENT_INVALID', 'allotments[8]: m1 already has an allotment of member');
  });

  it('refuses transfers the charter forbids or the holder cannot make', () => {
    const transfer = { fromMemberId: 'm2', toMemberId: 'm4', classId: 'labour', shares: '1', transferredOn: '2022-04-01' };
    given(adopted({ transfersAllowed: false }), quantified).when(command('TransferShares', transfer)).thenFails('SHARES_TRANSFER_FORBIDDEN', 'classId: the charter adopted on 2021-01-01 does not allow transfers between members');
    given(adopted(), quantified).when(command('TransferShares', { ...transfer, toMemberId: 'm2' })).thenFails('SHARES_MEMBER_INVALID', 'toMemberId: a member cannot transfer shares to themselves');
    given(adopted(), quantified).when(command('TransferShares', { ...transfer, toMemberId: 'm3' })).thenFails('SHARES_MEMBER_INVALID', 'toMemberId: m3 (李二) is not a member on 2022-04-01: left on 2022-02-01');
    given(adopted(), quantified).when(command('TransferShares', { ...transfer, shares: '2' })).thenFails('SHARES_INSUFFICIENT', 'shares: m2 holds 1 labour shares, fewer than 2');
    given(adopted(), quantified)
      .when(command('TransferShares', transfer))
      .then([{ type: 'SharesTransferred', data: decoded(TransferSharesInput, { organizationId: 'v', ...transfer }) }]);
  });

  it('refuses an inheritance from someone who did not die, outside the household, or of no shares', () => {
    given(adopted(), quantified).when(command('InheritShares', { fromMemberId: 'm3', toMemberId: 'm4', inheritedOn: '2022-04-01' })).thenFails('SHARES_INHERITANCE_INVALID', 'fromMemberId: m3 left by moving-away, not death; shares are inherited only from a member who died');
    given(adopted(), quantified).when(command('InheritShares', { fromMemberId: 'm1', toMemberId: 'm4', inheritedOn: '2022-04-01' })).thenFails('SHARES_INHERITANCE_INVALID', "toMemberId: m4 is not in m1's household h1; shares are inherited within the household");
    given(adopted()).when(command('InheritShares', { fromMemberId: 'm1', toMemberId: 'm2', inheritedOn: '2022-04-01' })).thenFails('SHARES_INSUFFICIENT', 'fromMemberId: m1 holds no shares');
    // m1's shares by class, in code-point order.
    const shares = [{ classId: 'labour', shares: '2' }, { classId: 'member', shares: '1' }];
    given(adopted(), quantified)
      .when(command('InheritShares', { fromMemberId: 'm1', toMemberId: 'm2', inheritedOn: '2022-04-01' }))
      .then([{ type: 'SharesInherited', data: decoded(SharesInheritedData, { organizationId: 'v', fromMemberId: 'm1', toMemberId: 'm2', inheritedOn: '2022-04-01', shares }) }]);
  });

  it('refuses a withdrawal of a member, or a second one', () => {
    given(adopted(), quantified).when(command('WithdrawShares', { memberId: 'm4', withdrawnOn: '2022-04-01' })).thenFails('SHARES_MEMBER_INVALID', 'memberId: m4 (李三) is still a member on 2022-04-01; record the leaving first');
    const withdrawn: ShareRegisterEvent = { type: 'SharesWithdrawn', data: { ...decoded(WithdrawSharesInput, { organizationId: 'v', memberId: 'm3', withdrawnOn: '2022-03-01' }), disposition: 'keep', shares: [] } as never };
    given(adopted(), quantified, withdrawn).when(command('WithdrawShares', { memberId: 'm3', withdrawnOn: '2022-04-01' })).thenFails('SHARES_WITHDRAWAL_INVALID', 'memberId: the shares of m3 were already withdrawn');
  });
});
