import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { foldState } from '../../kernel/decider.js';
import { decoded } from '../../test-support/decoded.js';
import { RegisterOrganizationInput, type RegisterOrganization } from './commands.js';
import { organizationDecider } from './decider.js';
import type { OrganizationEvent } from './events.js';

const register = (input: object, parentKind?: RegisterOrganization['parentKind']): RegisterOrganization => ({
  type: 'RegisterOrganization',
  input: decoded(RegisterOrganizationInput, input),
  parentKind,
});

const decideAfter = (history: OrganizationEvent[], command: RegisterOrganization) =>
  organizationDecider.decide(command, foldState(organizationDecider, history));

const village = { organizationId: 'v-01', kind: 'village', code: '140105001', name: '东村', parentId: 't-01' } as const;

describe('organization decider', () => {
  it('registers a village under a township', () => {
    const result = decideAfter([], register(village, 'township'));
    expect(isRight(result) && result.right).toEqual([{ type: 'OrganizationRegistered', data: village }]);
  });

  it('registers a district with no parent', () => {
    const district = { organizationId: 'd', kind: 'district', code: '140105', name: '小店区' } as const;
    expect(isRight(decideAfter([], register(district)))).toBe(true);
  });

  it.each([
    ['a second registration', [{ type: 'OrganizationRegistered', data: register(village).input }], register(village, 'township'), 'ORGANIZATION_ALREADY_REGISTERED'],
    ['a village with no parent', [], register({ organizationId: 'v-01', kind: 'village', code: '1', name: '东村' }), 'ORGANIZATION_PARENT_REQUIRED'],
    ['a district with a parent', [], register({ ...village, kind: 'district' }, 'township'), 'ORGANIZATION_PARENT_NOT_ALLOWED'],
    ['an unregistered parent', [], register(village, undefined), 'ORGANIZATION_PARENT_UNKNOWN'],
    ['a township inside a township', [], register({ ...village, kind: 'township' }, 'township'), 'ORGANIZATION_PARENT_WRONG_KIND'],
  ] as const)('refuses %s', (_label, history, command, code) => {
    const result = decideAfter([...history] as OrganizationEvent[], command);
    expect(isLeft(result) && result.left.code).toBe(code);
  });
});
