import { readFile } from 'node:fs/promises';
import {
  modelStands,
  ReadModelConflictError,
  ReadModelsBusyError,
  type JsonObject,
  type ModelStanding,
  type ReadModelLease,
  type ReadModelStore,
  type StoredReadModel,
} from '@collective-ledger/core';
import { writeFileAtomically } from './atomic-write.js';
import { acquireLock, errnoOf, LedgerLockedError, type FileLock } from './file-lock.js';

/** Where the read models of an NDJSON ledger live: beside it. */
export const readModelsPath = (ledgerPath: string): string => `${ledgerPath}.models`;

/** One line of the models file: the key first, so a lookup parses only its own line. */
interface ModelLine {
  readonly key: string;
  readonly report: string;
  readonly options: JsonObject;
  readonly version: string;
  readonly position: string;
  readonly state: string | null;
}

const lineOf = (model: StoredReadModel): string =>
  JSON.stringify({
    key: model.key,
    report: model.report,
    options: model.options,
    version: model.version,
    position: model.position.toString(),
    state: model.state ?? null,
  } satisfies ModelLine);

const modelOf = (text: string): StoredReadModel => {
  const line = JSON.parse(text) as ModelLine;
  return { key: line.key, report: line.report, options: line.options, version: line.version, position: BigInt(line.position), state: line.state ?? undefined };
};

/**
 * The read models of an NDJSON ledger (docs/read-models.md): one file
 * `<ledger>.models`, a line per model with its state and checkpoint, replaced
 * whole at each save (written beside it, fsynced, renamed), so a reader sees
 * the models of one save or the next, never a mix. The runner holds
 * `<ledger>.models.lock` while it runs; a save without it is refused.
 */
export class FileReadModels implements ReadModelStore {
  readonly path: string;
  private lock: FileLock | undefined;

  constructor(ledgerPath: string) {
    this.path = readModelsPath(ledgerPath);
  }

  async load(key: string): Promise<StoredReadModel | undefined> {
    const prefix = `{"key":${JSON.stringify(key)},`;
    const line = (await this.lines()).find((text) => text.startsWith(prefix));
    return line === undefined ? undefined : modelOf(line);
  }

  async list(): Promise<readonly StoredReadModel[]> {
    return (await this.lines()).map(modelOf);
  }

  async saveAll(models: readonly { readonly model: StoredReadModel; readonly expected: ModelStanding | undefined }[]): Promise<void> {
    if (this.lock === undefined) throw new ReadModelsBusyError(this.path);
    const stored = new Map((await this.list()).map((model) => [model.key, model]));
    const moved = models.find(({ model, expected }) => !modelStands(stored.get(model.key), expected));
    if (moved !== undefined) throw new ReadModelConflictError(moved.model.key);
    for (const { model } of models) stored.set(model.key, model);
    await this.write([...stored.values()]);
  }

  async remove(key: string): Promise<void> {
    await this.write((await this.list()).filter((model) => model.key !== key));
  }

  async lease(): Promise<ReadModelLease | undefined> {
    if (this.lock !== undefined) return undefined;
    try {
      this.lock = await acquireLock(this.path);
    } catch (error) {
      if (error instanceof LedgerLockedError) return undefined;
      throw error;
    }
    const lock = this.lock;
    return {
      release: async () => {
        if (this.lock === lock) this.lock = undefined;
        await lock.release();
      },
    };
  }

  private async lines(): Promise<string[]> {
    try {
      return (await readFile(this.path, 'utf8')).split('\n').filter((line) => line !== '');
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return [];
      throw error;
    }
  }

  private async write(models: readonly StoredReadModel[]): Promise<void> {
    const sorted = [...models].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    await writeFileAtomically(this.path, sorted.map((model) => `${lineOf(model)}\n`).join(''));
  }
}
