import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { specFor } from '@collective-ledger/testing';
import { foldState } from '../../../kernel/decider.js';
import { decoded } from '../../../test-support/decoded.js';
import { DeclareSubAccountInput, type DeclareSubAccount } from './commands.js';
import { chartDecider } from './decider.js';
import { SubAccountDeclaredData, type ChartEvent } from './events.js';

const declare = (code: string, nameZh: string, nameEn?: string): DeclareSubAccount => ({
  type: 'DeclareSubAccount',
  input: decoded(DeclareSubAccountInput, { organizationId: 'v-01', code, nameZh, ...(nameEn === undefined ? {} : { nameEn }) }),
});

const declared = (code: string, nameZh: string): ChartEvent => ({
  type: 'SubAccountDeclared',
  data: decoded(SubAccountDeclaredData, { organizationId: 'v-01', code, nameZh }),
});

const given = specFor(chartDecider);

describe('chart decider', () => {
  it('declares a sub-account of a standard account', () => {
    given().when(declare('15101', '经营性固定资产', 'operating fixed assets')).then([
      { type: 'SubAccountDeclared', data: decoded(SubAccountDeclaredData, { organizationId: 'v-01', code: '15101', nameZh: '经营性固定资产', nameEn: 'operating fixed assets' }) },
    ]);
  });

  it('declares a sub-account of a declared sub-account', () => {
    given([declared('15101', '经营性固定资产')]).when(declare('1510101', '房屋')).then([declared('1510101', '房屋')]);
  });

  it('folds declarations into the village chart', () => {
    const chart = foldState(chartDecider, [declared('15101', '经营性固定资产'), declared('15102', '非经营性固定资产')]);
    expect(chart.childrenOf('151').map((a) => a.nameZh)).toEqual(['经营性固定资产', '非经营性固定资产']);
    expect(chart.isLeaf('151')).toBe(false);
  });

  it.each([
    ['a standard account', [], declare('151', '固定资产'), 'SUB_ACCOUNT_NOT_EXTENDING', 'code: 151 is not a sub-account code'],
    ['a 3-digit code not in the chart', [], declare('999', '杂项'), 'SUB_ACCOUNT_NOT_EXTENDING', 'code: 999'],
    ['a code declared before', [declared('15101', '经营性固定资产')], declare('15101', '生产用固定资产'), 'SUB_ACCOUNT_CODE_TAKEN', 'code: 15101 is already in the chart as 经营性固定资产'],
    ['a code extending no standard account', [], declare('99901', '杂项'), 'SUB_ACCOUNT_PARENT_UNKNOWN', 'code: 99901 extends 999'],
    ['a grandchild before its parent', [], declare('1510101', '房屋'), 'SUB_ACCOUNT_PARENT_UNKNOWN', 'code: 1510101 extends 15101; declare 15101 first'],
  ] as const)('refuses %s', (...row) => {
    const [, history, command, code, message] = row;
    given(history).when(command).thenFails(code, message);
  });
});

describe('SubAccountDeclared data', () => {
  it('accepts only codes extending an account, so an imported 3-digit declaration is refused', () => {
    expect(isRight(SubAccountDeclaredData.decode({ organizationId: 'v', code: '15101', nameZh: '经营性固定资产' }))).toBe(true);
    expect(isLeft(SubAccountDeclaredData.decode({ organizationId: 'v', code: '151', nameZh: '固定资产' }))).toBe(true);
    expect(isLeft(SubAccountDeclaredData.decode({ organizationId: 'v', code: '15101', nameZh: '经营性固定资产', nameEn: '' }))).toBe(true);
  });
});
