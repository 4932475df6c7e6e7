import { describe, expect, it } from 'vitest';
import { coreCatalog } from '../../catalog.js';
import type { OrganizationEvent } from './events.js';

const joined = { organizationId: 'v', memberId: 'm1', householdId: 'h1', name: '张大山', joinedOn: '2020-01-01', reason: 'founding' };

describe('household and member events in the core catalogue', () => {
  it('knows the four register events, each belonging to its village', () => {
    for (const type of ['HouseholdRegistered', 'MemberJoined', 'MemberLeft', 'MemberMovedHousehold']) {
      expect(coreCatalog.has(type)).toBe(true);
      expect(coreCatalog.schemaVersionOf(type)).toBe(1);
    }
    const event = coreCatalog.decode('MemberJoined', joined, 1);
    expect(coreCatalog.organizationOf(event)).toBe('v');
    expect(coreCatalog.encode(event as OrganizationEvent)).toEqual(joined);
  });

  it('refuses stored data naming the field, as a ledger file import reports it', () => {
    expect(() => coreCatalog.decode('MemberJoined', { ...joined, reason: 'adoption', idNumber: '' }, 1)).toThrow(
      'data.reason: expected founding, birth, marriage, moving-in or other, got "adoption"; data.idNumber: expected a non-empty string, got ""',
    );
    expect(() => coreCatalog.decode('MemberLeft', { organizationId: 'v', memberId: 'm1', leftOn: '2021-9-1', reason: 'death' }, 1)).toThrow(
      'data.leftOn: expected a date YYYY-MM-DD, got "2021-9-1"',
    );
    expect(() =>
      coreCatalog.decode('MemberMovedHousehold', { organizationId: 'v', memberId: 'm1', toHouseholdId: 'h2', movedOn: '2023-06-01' }, 1),
    ).toThrow('data.fromHouseholdId: expected an id');
  });
});
