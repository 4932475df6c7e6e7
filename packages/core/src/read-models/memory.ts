import { ReadModelConflictError, type ModelStanding, type ReadModelLease, type ReadModelStore, type StoredReadModel } from './port.js';

const stands = (stored: StoredReadModel | undefined, expected: ModelStanding | undefined): boolean =>
  stored === undefined ? expected === undefined : expected !== undefined && stored.version === expected.version && stored.position === expected.position;

/** Read models in memory, for the in-memory store and tests. */
export class InMemoryReadModels implements ReadModelStore {
  private readonly models = new Map<string, StoredReadModel>();
  private leased = false;

  load(key: string): Promise<StoredReadModel | undefined> {
    return Promise.resolve(this.models.get(key));
  }

  list(): Promise<readonly StoredReadModel[]> {
    return Promise.resolve([...this.models.values()]);
  }

  saveAll(models: readonly { readonly model: StoredReadModel; readonly expected: ModelStanding | undefined }[]): Promise<void> {
    const moved = models.find(({ model, expected }) => !stands(this.models.get(model.key), expected));
    if (moved !== undefined) return Promise.reject(new ReadModelConflictError(moved.model.key));
    for (const { model } of models) this.models.set(model.key, model);
    return Promise.resolve();
  }

  remove(key: string): Promise<void> {
    this.models.delete(key);
    return Promise.resolve();
  }

  lease(): Promise<ReadModelLease | undefined> {
    if (this.leased) return Promise.resolve(undefined);
    this.leased = true;
    return Promise.resolve({
      release: () => {
        this.leased = false;
        return Promise.resolve();
      },
    });
  }
}
