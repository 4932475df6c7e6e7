import { describe, it } from 'vitest';
import { specFor } from '@collective-ledger/testing';
import { decoded } from '../../test-support/decoded.js';
import type { RegisterOrganization } from './commands.js';
import { RegisterOrganizationInput } from './inputs.js';
import { organizationDecider } from './decider.js';
import { OrganizationRegisteredData, type OrganizationEvent } from './events.js';

const given = specFor(organizationDecider);

const register = (input: object, parentKind?: RegisterOrganization['parentKind']): RegisterOrganization => ({
  type: 'RegisterOrganization',
  input: decoded(RegisterOrganizationInput, input),
  parentKind,
});

const registered = (data: object): OrganizationEvent => ({ type: 'OrganizationRegistered', data: decoded(OrganizationRegisteredData, data) });

const village = { organizationId: 'v-01', kind: 'village', code: '140105001', name: '东村', parentId: 't-01' } as const;

describe('organization decider', () => {
  it('registers a village under a township', () => {
    given().when(register(village, 'township')).then([registered(village)]);
  });

  it('registers a district with no parent', () => {
    const district = { organizationId: 'd', kind: 'district', code: '140105', name: '小店区' } as const;
    given().when(register(district)).then([registered(district)]);
  });

  it.each([
    ['a second registration', [registered(village)], register(village, 'township'), 'ORGANIZATION_ALREADY_REGISTERED'],
    ['a village with no parent', [], register({ organizationId: 'v-01', kind: 'village', code: '1', name: '东村' }), 'ORGANIZATION_PARENT_REQUIRED'],
    ['a district with a parent', [], register({ ...village, kind: 'district' }, 'township'), 'ORGANIZATION_PARENT_NOT_ALLOWED'],
    ['an unregistered parent', [], register(village, undefined), 'ORGANIZATION_PARENT_UNKNOWN'],
    ['a township inside a township', [], register({ ...village, kind: 'township' }, 'township'), 'ORGANIZATION_PARENT_WRONG_KIND'],
  ] as const)('refuses %s', (_label, history, command, code) => {
    given(history).when(command).thenFails(code);
  });
});
