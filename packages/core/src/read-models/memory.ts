import { modelStands, ReadModelConflictError, ReadModelsBusyError, type ModelStanding, type ReadModelLease, type ReadModelStore, type StoredReadModel } from './port.js';

/** What every handle on the same models shares. */
interface Place {
  readonly models: Map<string, StoredReadModel>;
  holder: InMemoryReadModels | undefined;
}

/** Read models in memory, for the in-memory store and tests; `another()` is a second handle on the same models (a second runner). */
export class InMemoryReadModels implements ReadModelStore {
  private readonly place: Place;

  constructor(place?: Place) {
    this.place = place ?? { models: new Map(), holder: undefined };
  }

  another(): InMemoryReadModels {
    return new InMemoryReadModels(this.place);
  }

  load(key: string): Promise<StoredReadModel | undefined> {
    return Promise.resolve(this.place.models.get(key));
  }

  list(): Promise<readonly StoredReadModel[]> {
    return Promise.resolve([...this.place.models.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
  }

  saveAll(models: readonly { readonly model: StoredReadModel; readonly expected: ModelStanding | undefined }[]): Promise<void> {
    if (this.place.holder !== this) return Promise.reject(new ReadModelsBusyError('memory'));
    const moved = models.find(({ model, expected }) => !modelStands(this.place.models.get(model.key), expected));
    if (moved !== undefined) return Promise.reject(new ReadModelConflictError(moved.model.key));
    for (const { model } of models) this.place.models.set(model.key, model);
    return Promise.resolve();
  }

  remove(key: string): Promise<void> {
    this.place.models.delete(key);
    return Promise.resolve();
  }

  lease(): Promise<ReadModelLease | undefined> {
    if (this.place.holder !== undefined) return Promise.resolve(undefined);
    this.place.holder = this;
    return Promise.resolve({
      release: () => {
        if (this.place.holder === this) this.place.holder = undefined;
        return Promise.resolve();
      },
    });
  }
}
