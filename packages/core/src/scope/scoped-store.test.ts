import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { coreCatalog } from '../catalog.js';
import { registerOrganization } from '../domain/organization/service.js';
import type { RecordedEvent } from '../kernel/event.js';
import { InMemoryEventStore } from '../kernel/memory-store.js';
import { OutOfScopeError } from './errors.js';
import { organizationOfStream } from './layout.js';
import { scopedStore } from './scoped-store.js';
import { districtBooks, registration, voucher } from '../test-support/scope-books.js';

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const streamsOf = (events: readonly RecordedEvent[]): string[] => [...new Set(events.map((e) => e.streamId))];

describe('the organization of a stream', () => {
  it.each([
    ['organization-v1', 'v1'],
    ['chart-v1', 'v1'],
    ['shares-v1', 'v1'],
    ['ledger-v1-2023', 'v1'],
    ['ledger-north-3-2023', 'north-3'],
    ['notes-1', undefined],
    ['ledger-v1', undefined],
  ])('%s belongs to %s', (streamId, organization) => {
    expect(organizationOfStream(streamId)).toBe(organization);
  });
});

describe('a store scoped to a village', () => {
  it('writes its own streams and refuses another village’s, writing nothing', async () => {
    const books = await districtBooks();
    const store = scopedStore(books, { organizations: ['v1'] });
    await store.append('ledger-v1-2023', [voucher('v1')]);
    await store.append('chart-v1', [voucher('v1')]);
    const before = books.size;
    await expect(store.append('ledger-v2-2023', [voucher('v2')])).rejects.toThrow(
      new OutOfScopeError('ledger-v2-2023', 'organization v1', 'write'),
    );
    await expect(store.append('ledger-v2-2023', [voucher('v2')])).rejects.toThrow('stream ledger-v2-2023 is outside the scope of organization v1: nothing was written');
    await expect(store.append('organization-t1', [voucher('t1')])).rejects.toThrow(OutOfScopeError);
    await expect(store.append('notes-1', [voucher('v1')])).rejects.toThrow(OutOfScopeError);
    expect(books.size).toBe(before);
  });

  it('refuses an event on its own stream whose data names another village', async () => {
    const books = await districtBooks();
    const store = scopedStore(books, { organizations: ['v1'] });
    const foreign = voucher('v2');
    await expect(store.append('ledger-v1-2023', [voucher('v1'), foreign])).rejects.toThrow(
      `stream ledger-v1-2023, event ${foreign.metadata.eventId}: its organization is outside the scope of organization v1: nothing was written`,
    );
    expect((await collect(books.readStream('ledger-v1-2023'))).length).toBe(1);
  });

  it('reads its streams and the registrations above it, and nothing else', async () => {
    const books = await districtBooks();
    const store = scopedStore(books, { organizations: ['v1'] });
    const all = await collect(store.readAll());
    expect(streamsOf(all)).toEqual(['organization-d', 'organization-t1', 'organization-v1', 'ledger-v1-2023']);
    expect((await collect(store.readAllBatches({ batchSize: 2 }))).flat()).toEqual(all);
    expect(await collect(store.readAll({ fromPosition: 4n }))).toEqual(all.filter((e) => e.globalPosition >= 4n));
    expect((await collect(store.readStream('organization-t1'))).length).toBe(1);
    await expect(collect(store.readStream('ledger-v2-2023'))).rejects.toThrow(
      'stream ledger-v2-2023 is outside the scope of organization v1: it cannot be read',
    );
    expect((await store.readCommand('cmd-v1')).map((e) => e.streamId)).toEqual(['ledger-v1-2023']);
    expect(await store.readCommand('cmd-v2')).toEqual([]);
  });

  it('imports all or nothing: one write outside the scope refuses the whole import', async () => {
    const books = await districtBooks();
    const store = scopedStore(books, { organizations: ['v1'] });
    const before = books.size;
    const writes = async function* () {
      yield { streamId: 'ledger-v1-2024', events: [voucher('v1')] };
      yield { streamId: 'ledger-w-2024', events: [voucher('w')] };
    };
    await expect(store.importAll(writes())).rejects.toThrow('stream ledger-w-2024 is outside the scope of organization v1: nothing was written');
    expect(books.size).toBe(before);
  });

  it('refuses a scope of no organization', () => {
    expect(() => scopedStore(new InMemoryEventStore(), { organizations: [] })).toThrow('scope.organizations: expected one or more organization ids, got []');
  });
});

describe('a store scoped to a township', () => {
  it('covers its villages, not the other township’s', async () => {
    const books = await districtBooks();
    const store = scopedStore(books, { organizations: ['t1'] });
    expect(streamsOf(await collect(store.readAll()))).toEqual(['organization-d', 'organization-t1', 'organization-v1', 'ledger-v1-2023', 'organization-v2', 'ledger-v2-2023']);
    await store.append('ledger-v2-2024', [voucher('v2')]);
    await expect(store.append('ledger-w-2024', [voucher('w')])).rejects.toThrow('stream ledger-w-2024 is outside the scope of organization t1: nothing was written');
  });

  it('covers a village registered below it later, by itself or by another writer, and refuses one registered elsewhere', async () => {
    const books = await districtBooks();
    const store = scopedStore(books, { organizations: ['t1'] });
    await expect(store.append('ledger-v3-2023', [voucher('v3')])).rejects.toThrow(OutOfScopeError);
    await store.append('organization-v3', [registration('v3', 'village', 't1')]);
    await store.append('ledger-v3-2023', [voucher('v3')]);
    await books.append('organization-v4', [registration('v4', 'village', 't1')]);
    await store.append('ledger-v4-2023', [voucher('v4')]);
    await expect(store.append('organization-x', [registration('x', 'village', 't2')])).rejects.toThrow(
      'stream organization-x is outside the scope of organization t1: nothing was written',
    );
    expect(await collect(books.readStream('organization-x'))).toEqual([]);
  });
});

describe('commands through a scoped store', () => {
  const input = (organizationId: string, kind: string, parentId?: string) =>
    ({ organizationId, kind, code: `c-${organizationId}`, name: organizationId, ...(parentId === undefined ? {} : { parentId }) }) as never;

  it('register a village in the township, and refuse one in another township, writing nothing', async () => {
    const books = await districtBooks();
    const context = { store: scopedStore(books, { organizations: ['t1'] }), catalog: coreCatalog };
    const register = (organizationId: string, parentId: string) =>
      registerOrganization(context, { input: input(organizationId, 'village', parentId), commandId: `r-${organizationId}`, occurredOn: '2024-01-01', actor: 'registrar' });
    expect(isRight(await register('v3', 't1'))).toBe(true);
    expect((await collect(context.store.readStream('organization-v3'))).map((e) => e.type)).toEqual(['OrganizationRegistered']);
    const before = books.size;
    // The command reads the parent's kind first: the other township's stream is not the scope's to read.
    await expect(register('x', 't2')).rejects.toThrow('stream organization-t2 is outside the scope of organization t1: it cannot be read');
    expect(books.size).toBe(before);
  });

  it('read the registration stream of an organization not registered yet as empty, and refuse any other outside', async () => {
    const store = scopedStore(await districtBooks(), { organizations: ['v1'] });
    expect(await collect(store.readStream('organization-nowhere'))).toEqual([]);
    await expect(collect(store.readStream('chart-nowhere'))).rejects.toThrow(OutOfScopeError);
    await expect(collect(store.readStream('organization-w'))).rejects.toThrow(OutOfScopeError);
    await expect(collect(store.readStream('notes-1'))).rejects.toThrow(OutOfScopeError);
  });
});
