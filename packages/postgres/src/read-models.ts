import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  ReadModelConflictError,
  ReadModelsBusyError,
  type JsonObject,
  type ModelStanding,
  type ReadModelLease,
  type ReadModelStore,
  type StoredReadModel,
} from '@collective-ledger/core';
import type { Database, Queryable } from './database.js';
import { connectionErrorOf } from './errors.js';
import { readModelStatements } from './sql/read-models.js';
import type { PostgresEventStore } from './store.js';

interface ModelRow {
  readonly key: string;
  readonly report: string;
  readonly options: JsonObject;
  readonly version: string;
  readonly position: string | bigint;
  readonly state: string | null;
}

const modelOf = (row: ModelRow): StoredReadModel => ({
  key: row.key,
  report: row.report,
  options: row.options,
  version: row.version,
  position: BigInt(row.position),
  state: row.state ?? undefined,
});

/** A role without the right to read the models (restricted to some organizations): its reports replay. */
const isPermissionDenied = (error: unknown): boolean => (error as { code?: unknown } | undefined)?.code === '42501';

/** How long a lease lasts without being renewed: a runner that died frees it after this. */
const LEASE_SECONDS = 30;

/**
 * Read models in the store's own database (docs/read-models.md): a row per
 * model in `read_models`, its state and checkpoint written in one statement,
 * all the models of a save in one transaction; the runner's lease in
 * `read_model_lease`, renewed while it runs and checked by every save, so a
 * runner that lost it (it stalled past the lease, another took over) writes
 * nothing.
 */
export class PostgresReadModels implements ReadModelStore {
  private readonly sql: ReturnType<typeof readModelStatements>;
  private holder: string | undefined;

  constructor(
    private readonly database: Database,
    schema: string,
  ) {
    this.sql = readModelStatements(schema);
  }

  static of(store: PostgresEventStore): PostgresReadModels {
    return new PostgresReadModels(store.database, store.schema);
  }

  async load(key: string): Promise<StoredReadModel | undefined> {
    try {
      const [row] = await this.database.query<ModelRow>(this.sql.load, [key]);
      return row === undefined ? undefined : modelOf(row);
    } catch (error) {
      if (isPermissionDenied(error)) return undefined;
      throw connectionErrorOf(error, this.database.location, `reading read model ${key}`);
    }
  }

  async list(): Promise<readonly StoredReadModel[]> {
    try {
      return (await this.database.query<ModelRow>(this.sql.list, [])).map(modelOf);
    } catch (error) {
      throw connectionErrorOf(error, this.database.location, 'listing the read models');
    }
  }

  async saveAll(models: readonly { readonly model: StoredReadModel; readonly expected: ModelStanding | undefined }[]): Promise<void> {
    try {
      await this.database.transaction(async (tx) => {
        await this.renew(tx);
        for (const { model, expected } of models) await this.saveOne(tx, model, expected);
      });
    } catch (error) {
      if (error instanceof ReadModelConflictError || error instanceof ReadModelsBusyError) throw error;
      throw connectionErrorOf(error, this.database.location, 'saving the read models');
    }
  }

  async remove(key: string): Promise<void> {
    await this.database.query(this.sql.remove, [key]);
  }

  async lease(): Promise<ReadModelLease | undefined> {
    const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
    const taken = await this.database.query(this.sql.lease, [holder, LEASE_SECONDS]);
    if (taken.length === 0) return undefined;
    this.holder = holder;
    const timer = setInterval(() => {
      this.database.query(this.sql.lease, [holder, LEASE_SECONDS]).catch(() => undefined);
    }, (LEASE_SECONDS * 1_000) / 3);
    timer.unref();
    return {
      release: async () => {
        clearInterval(timer);
        if (this.holder === holder) this.holder = undefined;
        await this.database.query(this.sql.release, [holder]).catch(() => undefined);
      },
    };
  }

  /** Renew this runner's lease inside the save: a runner that lost it saves nothing. */
  private async renew(tx: Queryable): Promise<void> {
    const holder = this.holder;
    if (holder === undefined || (await tx.query(this.sql.lease, [holder, LEASE_SECONDS])).length === 0) {
      throw new ReadModelsBusyError(this.database.location);
    }
  }

  private async saveOne(tx: Queryable, model: StoredReadModel, expected: ModelStanding | undefined): Promise<void> {
    const values = [model.key, model.report, JSON.stringify(model.options), model.version, model.position.toString(), model.state ?? null];
    const rows =
      expected === undefined
        ? await tx.query(this.sql.insert, values)
        : await tx.query(this.sql.update, [...values, expected.version, expected.position.toString()]);
    if (rows.length === 0) throw new ReadModelConflictError(model.key);
  }
}
