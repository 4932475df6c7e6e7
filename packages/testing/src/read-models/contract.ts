import { describe, expect, it, afterEach, beforeEach } from '../vitest-api.js';
import { ReadModelConflictError, ReadModelsBusyError, type ReadModelStore, type StoredReadModel } from '@collective-ledger/core';

export type ReadModelStoreFactory = () => Promise<{ readonly models: ReadModelStore; readonly second: ReadModelStore; readonly close: () => Promise<void> }>;

const model = (key: string, position: bigint, state = `{"n":${position}}`): StoredReadModel => ({
  key,
  report: 'income-tiers',
  options: { year: 2023 },
  version: 'v1/income-tiers',
  position,
  state,
});

/**
 * What every place that keeps read models guarantees (docs/read-models.md):
 * a model reads back as written; a save of several models is all or
 * nothing and goes through only where each still stands as read; one
 * runner holds the lease at a time, across two handles on the same place
 * (`second`), and a runner that lost it saves nothing.
 */
export const describeReadModelStoreContract = (name: string, factory: ReadModelStoreFactory): void => {
  describe(`read model store contract: ${name}`, () => {
    let models: ReadModelStore;
    let second: ReadModelStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ models, second, close } = await factory());
    });
    afterEach(async () => {
      await close();
    });

    const leased = async (store: ReadModelStore) => {
      const lease = await store.lease();
      if (lease === undefined) throw new Error('the lease was not free');
      return lease;
    };

    it('a model reads back as written, large Chinese state included, and is listed', async () => {
      const lease = await leased(models);
      const big = JSON.stringify({ 村: '张家村', rows: Array.from({ length: 20_000 }, (_, i) => `${i}.00`) });
      await models.saveAll([{ model: model('a', 5n, big), expected: undefined }]);
      expect(await models.load('a')).toEqual(model('a', 5n, big));
      expect(await second.load('a')).toEqual(model('a', 5n, big));
      expect((await models.list()).map((m) => m.key)).toEqual(['a']);
      expect(await models.load('none')).toBeUndefined();
      await lease.release();
    });

    it('a save goes through only where each model still stands, and a refused save writes none of its models', async () => {
      const lease = await leased(models);
      await models.saveAll([{ model: model('a', 5n), expected: undefined }]);
      await models.saveAll([{ model: model('a', 9n), expected: { version: 'v1/income-tiers', position: 5n } }]);
      const stale = models.saveAll([
        { model: model('b', 1n), expected: undefined },
        { model: model('a', 12n), expected: { version: 'v1/income-tiers', position: 5n } },
      ]);
      await expect(stale).rejects.toThrow(ReadModelConflictError);
      await expect(models.saveAll([{ model: model('a', 1n), expected: undefined }])).rejects.toThrow(ReadModelConflictError);
      expect((await models.load('a'))?.position).toBe(9n);
      expect(await models.load('b')).toBeUndefined();
      await models.remove('a');
      expect(await models.list()).toEqual([]);
      await lease.release();
    });

    it('one runner at a time: the lease is refused to a second until the first releases it', async () => {
      const first = await leased(models);
      expect(await second.lease()).toBeUndefined();
      await expect(second.saveAll([{ model: model('a', 1n), expected: undefined }])).rejects.toThrow(ReadModelsBusyError);
      expect(await models.load('a')).toBeUndefined();
      await first.release();
      const next = await leased(second);
      await second.saveAll([{ model: model('a', 1n), expected: undefined }]);
      expect((await models.load('a'))?.position).toBe(1n);
      await next.release();
    });
  });
};
