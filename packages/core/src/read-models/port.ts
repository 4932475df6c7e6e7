import type { JsonObject } from '../kernel/event.js';

/**
 * A read model as stored: one report's projection state for one choice of
 * the options that shape it, with its checkpoint (the global position of the
 * last event folded in). State and checkpoint are always written together.
 */
export interface StoredReadModel {
  /** `report` and `options` as one key: what a report looks the model up by. */
  readonly key: string;
  readonly report: string;
  /** The options that shape the projection, as the report was asked (e.g. `{ "year": 2023 }`). */
  readonly options: JsonObject;
  /** The projection's code version: a stored model of another version is rebuilt from the first event. */
  readonly version: string;
  readonly position: bigint;
  /** The state as `encodeState` wrote it; `undefined` when only registered, not built yet. */
  readonly state: string | undefined;
}

/** Where a model stood when it was read: a save goes through only if it still stands there. */
export interface ModelStanding {
  readonly version: string;
  readonly position: bigint;
}

/** The runner's right to write read models; released when the runner stops. */
export interface ReadModelLease {
  release(): Promise<void>;
}

/**
 * Where read models live: beside the events (a table of PostgreSQL or
 * PGlite, a folder beside a ledger file, memory). Reports read them; one
 * runner at a time writes them (`lease`).
 */
export interface ReadModelStore {
  /** The model under `key`, or `undefined`. */
  load(key: string): Promise<StoredReadModel | undefined>;
  /** Every model, registered or built. */
  list(): Promise<readonly StoredReadModel[]>;
  /**
   * Write these models, all or none, each only if it still stands where it
   * was read (`expected`, `undefined` for a new model): otherwise nothing is
   * written and `ReadModelConflictError` names the model.
   */
  saveAll(models: readonly { readonly model: StoredReadModel; readonly expected: ModelStanding | undefined }[]): Promise<void>;
  /** Remove a model (a registration withdrawn). */
  remove(key: string): Promise<void>;
  /** Take the right to write; `undefined` when another runner holds it. */
  lease(): Promise<ReadModelLease | undefined>;
}

/** Another runner moved a model while this one worked on it: nothing of this save is kept. */
export class ReadModelConflictError extends Error {
  override readonly name = 'ReadModelConflictError';
  readonly code = 'READ_MODEL_CONFLICT';
  constructor(readonly key: string) {
    super(`read model ${key}: another runner moved it since it was read; run again to continue from there`);
  }
}

/** A runner that found the lease taken. */
export class ReadModelsBusyError extends Error {
  override readonly name = 'ReadModelsBusyError';
  readonly code = 'READ_MODELS_BUSY';
  constructor(where: string) {
    super(`the read models of ${where} are being kept by another runner; stop it first, or let it keep them`);
  }
}

/** Whether a stored model still stands where a runner read it (`undefined`: it was not there). */
export const modelStands = (stored: StoredReadModel | undefined, expected: ModelStanding | undefined): boolean =>
  stored === undefined ? expected === undefined : expected !== undefined && stored.version === expected.version && stored.position === expected.position;
