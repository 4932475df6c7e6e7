import { OutOfScopeError, scopedStore, supportsBulkImport, type EventStore } from '@collective-ledger/core';
import { afterEach, beforeEach, describe, expect, it } from './vitest-api.js';
import { collect } from './fixtures.js';
import { bookEvent, registrationOf, writeScopeBooks } from './scope-books.js';

/** A store of the district of `writeScopeBooks`, written, and a way to open another on the same events. */
export type ScopeBooksFactory = () => Promise<EventStore>;

const streamsOf = (events: readonly { readonly streamId: string }[]): string[] => [...new Set(events.map((e) => e.streamId))];

/**
 * What a scoped store refuses and what it reads, run against every adapter:
 * each gives the same verdicts and the same messages. `factory` returns an
 * empty store of its own (the books are written into it).
 */
export const describeScopeRefusals = (name: string, factory: ScopeBooksFactory, timeout?: number): void => {
  describe(`a scoped store on ${name}`, timeout === undefined ? {} : { timeout }, () => {
    let store: EventStore;

    beforeEach(async () => {
      store = await factory();
      await writeScopeBooks(store);
    }, timeout);

    afterEach(() => store.close());

    it('scoped to a village, writes its books and refuses another village’s stream, writing nothing', async () => {
      const village = scopedStore(store, { organizations: ['v1'] });
      await village.append('ledger-v1-2023', [bookEvent('v1')]);
      await expect(village.append('ledger-v2-2023', [bookEvent('v2')])).rejects.toThrow(
        new OutOfScopeError('ledger-v2-2023', 'organization v1', 'write'),
      );
      await expect(village.append('ledger-v2-2023', [bookEvent('v2')])).rejects.toThrow(
        'stream ledger-v2-2023 is outside the scope of organization v1: nothing was written',
      );
      const foreign = bookEvent('w');
      await expect(village.append('ledger-v1-2023', [foreign])).rejects.toThrow(
        `stream ledger-v1-2023, event ${foreign.metadata.eventId}: its organization is outside the scope of organization v1: nothing was written`,
      );
      expect((await collect(store.readStream('ledger-v2-2023'))).length).toBe(1);
      expect((await collect(store.readStream('ledger-v1-2023'))).length).toBe(2);
    });

    it('scoped to a village, reads only its streams and the registrations above it', async () => {
      const village = scopedStore(store, { organizations: ['v1'] });
      expect(streamsOf(await collect(village.readAll()))).toEqual(['organization-d', 'organization-t1', 'organization-v1', 'ledger-v1-2023']);
      await expect(collect(village.readStream('ledger-w-2023'))).rejects.toThrow(
        'stream ledger-w-2023 is outside the scope of organization v1: it cannot be read',
      );
      expect((await village.readCommand('cmd-v1')).length).toBe(1);
      expect(await village.readCommand('cmd-v2')).toEqual([]);
    });

    it('scoped to a village, refuses a whole import when one stream of it is outside the scope', async () => {
      if (!supportsBulkImport(store)) return;
      const village = scopedStore(store, { organizations: ['v1'] });
      const before = (await collect(store.readAll())).length;
      const writes = async function* () {
        yield { streamId: 'ledger-v1-2024', events: [bookEvent('v1')] };
        yield { streamId: 'ledger-w-2024', events: [bookEvent('w')] };
      };
      await expect(village.importAll(writes())).rejects.toThrow('stream ledger-w-2024 is outside the scope of organization v1: nothing was written');
      expect((await collect(store.readAll())).length).toBe(before);
    });

    it('scoped to a township, covers its villages and one registered in it later, not the other township’s', async () => {
      const township = scopedStore(store, { organizations: ['t1'] });
      expect(streamsOf(await collect(township.readAll()))).toEqual([
        'organization-d',
        'organization-t1',
        'organization-v1',
        'ledger-v1-2023',
        'organization-v2',
        'ledger-v2-2023',
      ]);
      await township.append('organization-v3', [registrationOf('v3', 'village', 't1')]);
      await township.append('ledger-v3-2023', [bookEvent('v3')]);
      await expect(township.append('organization-x', [registrationOf('x', 'village', 't2')])).rejects.toThrow(
        'stream organization-x is outside the scope of organization t1: nothing was written',
      );
      await expect(township.append('ledger-w-2024', [bookEvent('w')])).rejects.toThrow(
        'stream ledger-w-2024 is outside the scope of organization t1: nothing was written',
      );
      expect(await collect(store.readStream('organization-x'))).toEqual([]);
    });
  });
};
