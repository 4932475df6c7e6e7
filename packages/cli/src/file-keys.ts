import { readFile } from 'node:fs/promises';
import { KEY_BYTES, newKeySecret, PersonalDataKeysError, type PersonalDataKeys } from '@collective-ledger/core';
import { writeFileAtomically } from './atomic-write.js';
import { acquireLock, errnoOf, LedgerLockedError, type FileLock } from './file-lock.js';

/** Where the keys of an NDJSON ledger live: beside it, never inside it. */
export const personalDataKeysPath = (ledgerPath: string): string => `${ledgerPath}.keys`;

const FORMAT = 'collective-ledger personal-data keys';

/** The file: `{ "format": ..., "version": 1, "keys": { "<key id>": "<base64 of 32 bytes>" } }`. */
interface KeysFile {
  readonly format: typeof FORMAT;
  readonly version: 1;
  readonly keys: Readonly<Record<string, string>>;
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

const parsed = (path: string, text: string): Map<string, Uint8Array> => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PersonalDataKeysError(`${path}: not a personal-data key file (not JSON)`);
  }
  if (!isRecord(value) || value.format !== FORMAT || value.version !== 1 || !isRecord(value.keys)) {
    throw new PersonalDataKeysError(`${path}: not a personal-data key file (expected format "${FORMAT}", version 1, and keys)`);
  }
  const keys = new Map<string, Uint8Array>();
  for (const [keyId, secret] of Object.entries(value.keys)) {
    const bytes = typeof secret === 'string' ? Buffer.from(secret, 'base64') : Buffer.alloc(0);
    if (bytes.length !== KEY_BYTES || bytes.toString('base64') !== secret) {
      throw new PersonalDataKeysError(`${path}: keys.${keyId}: expected the base64 of a ${KEY_BYTES}-byte key`);
    }
    keys.set(keyId, new Uint8Array(bytes));
  }
  return keys;
};

const LOCK_WAIT_MS = 10_000;
const LOCK_RETRY_MS = 20;

/**
 * Hold `<path>.lock` while `work` runs. Another writer holds it only for the
 * time of one change, so a held lock is waited for (up to ten seconds); a
 * lock left by a process that is gone is taken over.
 */
const withLock = async <T>(path: string, work: () => Promise<T>): Promise<T> => {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    let lock: FileLock;
    try {
      lock = await acquireLock(path);
    } catch (error) {
      if (!(error instanceof LedgerLockedError)) throw error;
      if (Date.now() >= deadline) {
        throw new PersonalDataKeysError(
          `${path}: the key file has been held by process ${error.pid} for ${LOCK_WAIT_MS / 1000} s (lock file ${error.lockPath}); ` +
            'if that process is not a collective-ledger command, delete the lock file',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
      continue;
    }
    try {
      return await work();
    } finally {
      await lock.release();
    }
  }
};

/** The keys in the file at `path`; none when there is no file yet. */
const readKeys = async (path: string): Promise<Map<string, Uint8Array>> => {
  try {
    return parsed(path, await readFile(path, 'utf8'));
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return new Map();
    throw error;
  }
};

/**
 * The personal-data keys of a file store, in a file of their own
 * (`<ledger>.keys`, readable by its owner alone). Every change takes
 * `<ledger>.keys.lock`, reads the file again, applies the change, writes a
 * new file beside it, fsyncs it and renames it over the old one: the file is
 * always a whole old or a whole new version, and two processes (or two
 * instances) that change it at once lose neither's keys. A key asked for and
 * not known is looked for in the file again before it is called missing, so
 * a key another process made is found.
 */
export class FilePersonalDataKeys implements PersonalDataKeys {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private keys: Map<string, Uint8Array>,
  ) {}

  /** Open the key file at `path`; a file that does not exist yet is an empty store, created on the first key. */
  static async open(path: string): Promise<FilePersonalDataKeys> {
    return new FilePersonalDataKeys(path, await readKeys(path));
  }

  async getOrCreate(keyId: string): Promise<Uint8Array> {
    const found = this.keys.get(keyId);
    if (found !== undefined) return found;
    return this.change((keys) => {
      const existing = keys.get(keyId);
      if (existing !== undefined) return { result: existing, changed: false };
      const secret = newKeySecret();
      keys.set(keyId, secret);
      return { result: secret, changed: true };
    });
  }

  async read(keyId: string): Promise<Uint8Array | undefined> {
    return (await this.readMany([keyId])).get(keyId);
  }

  async readMany(keyIds: readonly string[]): Promise<ReadonlyMap<string, Uint8Array>> {
    if (keyIds.some((id) => !this.keys.has(id))) await this.reload();
    return new Map(keyIds.flatMap((id) => {
      const secret = this.keys.get(id);
      return secret === undefined ? [] : [[id, secret] as const];
    }));
  }

  destroy(keyId: string): Promise<boolean> {
    return this.change((keys) => {
      const had = keys.delete(keyId);
      return { result: had, changed: had };
    });
  }

  private async reload(): Promise<void> {
    await this.writing;
    this.keys = await readKeys(this.path);
  }

  /** Under the lock: read the file, change the keys, write them when changed; then keep what the file holds. */
  private change<T>(apply: (keys: Map<string, Uint8Array>) => { readonly result: T; readonly changed: boolean }): Promise<T> {
    const run = (): Promise<T> =>
      withLock(this.path, async () => {
        const keys = await readKeys(this.path);
        const { result, changed } = apply(keys);
        if (changed) await this.write(keys);
        this.keys = keys;
        return result;
      });
    const next = this.writing.then(run, run);
    this.writing = next.then(() => undefined, () => undefined);
    return next;
  }

  private async write(keys: ReadonlyMap<string, Uint8Array>): Promise<void> {
    const file: KeysFile = { format: FORMAT, version: 1, keys: Object.fromEntries([...keys].map(([id, secret]) => [id, Buffer.from(secret).toString('base64')])) };
    await writeFileAtomically(this.path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
  }
}
