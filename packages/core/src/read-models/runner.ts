import type { EventCatalog } from '../kernel/catalog.js';
import { decodeRecordedEvent } from '../kernel/decode.js';
import type { DecodedEvent, RecordedEvent } from '../kernel/event.js';
import { eventSelector, foldEvents } from '../kernel/projection.js';
import type { EventStore } from '../kernel/store.js';
import { subscribe } from '../kernel/subscription.js';
import { ReadModelsBusyError, type ModelStanding, type ReadModelStore, type StoredReadModel } from './port.js';
import { keptModels, type KeptModel, type ReadModelSpec } from './kept.js';
import { encodeState } from './state-codec.js';

export interface ProjectReadModelsOptions {
  /** Models to keep from now on, besides those already stored (a report and the options it will be asked with). */
  readonly register?: readonly ReadModelSpec[];
  /** Keep following the log after catching up, until the signal aborts. */
  readonly follow?: boolean;
  readonly signal?: AbortSignal;
  /** While catching up, save the models at least every this many events read (default 250,000), so a stop loses little. */
  readonly saveEvery?: number;
  /** Events read per batch (default 1,000). */
  readonly batchSize?: number;
  /** The longest wait between two looks at the store when no wake-up comes (default 1,000 ms). */
  readonly pollMs?: number;
  /** Where the models are, as a refusal names it (default `the store`). */
  readonly where?: string;
  /** Told after each batch: how far the models are, and whether that is the end of the log. */
  readonly onProgress?: (progress: ReadModelProgress) => void;
}

export interface ReadModelProgress {
  readonly position: bigint;
  readonly read: bigint;
  readonly caughtUp: boolean;
  /** True when the models were written after this batch. */
  readonly saved: boolean;
}

export interface KeptModelSummary {
  readonly key: string;
  readonly report: string;
  readonly position: bigint;
  /** True when this run built it from the first event (new, or made by other code). */
  readonly rebuilt: boolean;
}

export interface ProjectReadModelsResult {
  readonly models: readonly KeptModelSummary[];
  /** Stored models whose report this library does not have: left as they are. */
  readonly unknown: readonly string[];
  readonly read: bigint;
}

/** A batch decoded once, whichever models read each event. */
const decoderFor = (catalog: EventCatalog) => {
  const decoded = new Map<RecordedEvent, DecodedEvent>();
  return (recorded: RecordedEvent): DecodedEvent => {
    let event = decoded.get(recorded);
    if (event === undefined) decoded.set(recorded, (event = decodeRecordedEvent(catalog, recorded)));
    return event;
  };
};

const foldBatch = (models: readonly KeptModel[], events: readonly RecordedEvent[], decode: (r: RecordedEvent) => DecodedEvent, end: bigint): void => {
  for (const model of models) {
    if (model.position >= end) continue;
    const wanted = eventSelector(model.choice.projection, model.choice.asOf === undefined ? {} : { asOf: model.choice.asOf });
    const mine: DecodedEvent[] = [];
    for (const recorded of events) if (recorded.globalPosition > model.position && wanted(recorded)) mine.push(decode(recorded));
    model.state = foldEvents(model.choice.projection, model.state, mine);
    model.position = end;
    model.dirty = true;
  }
};

const storedOf = (model: KeptModel): StoredReadModel => ({
  key: model.choice.key,
  report: model.choice.report,
  options: model.choice.options,
  version: model.choice.version,
  position: model.position,
  state: encodeState(model.state),
});

const saveDirty = async (readModels: ReadModelStore, models: readonly KeptModel[]): Promise<boolean> => {
  const dirty = models.filter((model) => model.dirty);
  if (dirty.length === 0) return false;
  await readModels.saveAll(dirty.map((model) => ({ model: storedOf(model), expected: model.standing })));
  for (const model of dirty) {
    model.standing = { version: model.choice.version, position: model.position } satisfies ModelStanding;
    model.dirty = false;
  }
  return true;
};

/** The subscription the runner folds: from the model furthest behind, ending when caught up unless following. */
const subscriptionFor = (store: EventStore, models: readonly KeptModel[], options: ProjectReadModelsOptions) =>
  subscribe(store, {
    after: models.reduce((min, model) => (model.position < min ? model.position : min), models[0]?.position ?? 0n),
    stopWhenCaughtUp: options.follow !== true,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });

/** Fold the log into the models, saving them when caught up and every `saveEvery` events; the events read. */
interface Keeping {
  readonly store: EventStore;
  readonly catalog: EventCatalog;
  readonly readModels: ReadModelStore;
  readonly models: readonly KeptModel[];
}

const keep = async ({ store, catalog, readModels, models }: Keeping, options: ProjectReadModelsOptions): Promise<bigint> => {
  const saveEvery = options.saveEvery ?? 250_000;
  let read = 0n;
  let sinceSave = 0;
  for await (const batch of models.length === 0 ? [] : subscriptionFor(store, models, options)) {
    if (batch.events.length > 0) foldBatch(models, batch.events, decoderFor(catalog), batch.position);
    read += BigInt(batch.events.length);
    sinceSave += batch.events.length;
    const saved = (batch.caughtUp || sinceSave >= saveEvery) && (await saveDirty(readModels, models));
    if (saved) sinceSave = 0;
    options.onProgress?.({ position: batch.position, read, caughtUp: batch.caughtUp, saved });
  }
  await saveDirty(readModels, models);
  return read;
};

/**
 * Bring every read model up to the end of the log, and with `follow` keep
 * them there: one runner at a time (the store's lease), one pass over the
 * log for all models, each model's state written with its checkpoint, so a
 * stop at any moment leaves each model at a whole batch and a later run goes
 * on from there. A model of another version (other code made it) is rebuilt
 * from the first event. Reports read the models (`reportResult` with
 * `readModels`) and fold only the events after them.
 */
export const projectReadModels = async (
  store: EventStore,
  catalog: EventCatalog,
  readModels: ReadModelStore,
  options: ProjectReadModelsOptions = {},
): Promise<ProjectReadModelsResult> => {
  const lease = await readModels.lease();
  if (lease === undefined) throw new ReadModelsBusyError(options.where ?? 'the store');
  try {
    const { models, unknown } = await keptModels(readModels, catalog, options.register ?? []);
    const read = await keep({ store, catalog, readModels, models }, options);
    const summaries = models.map((model) => ({ key: model.choice.key, report: model.choice.report, position: model.position, rebuilt: model.rebuilt }));
    return { models: summaries, unknown, read };
  } finally {
    await lease.release();
  }
};
