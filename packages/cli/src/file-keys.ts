import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KEY_BYTES, newKeySecret, PersonalDataKeysError, type PersonalDataKeys } from '@collective-ledger/core';
import { errnoOf } from './file-lock.js';

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

/** fsync a directory so that a rename in it survives a crash; not every platform allows opening one. */
const syncDirectory = async (directory: string): Promise<void> => {
  const handle = await open(directory, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
};

/**
 * The personal-data keys of a file store, in a file of their own
 * (`<ledger>.keys`, readable by its owner alone). Every change writes a new
 * file beside it, fsyncs it and renames it over the old one, so the file is
 * always a whole old or a whole new version, never half written. One process
 * writes it at a time, as one writes the ledger.
 */
export class FilePersonalDataKeys implements PersonalDataKeys {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly keys: Map<string, Uint8Array>,
  ) {}

  /** Open the key file at `path`; a file that does not exist yet is an empty store, created on the first key. */
  static async open(path: string): Promise<FilePersonalDataKeys> {
    try {
      return new FilePersonalDataKeys(path, parsed(path, await readFile(path, 'utf8')));
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return new FilePersonalDataKeys(path, new Map());
      throw error;
    }
  }

  async getOrCreate(keyId: string): Promise<Uint8Array> {
    const found = this.keys.get(keyId);
    if (found !== undefined) return found;
    const secret = newKeySecret();
    await this.change(() => this.keys.set(keyId, secret), () => this.keys.delete(keyId));
    return secret;
  }

  read(keyId: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.keys.get(keyId));
  }

  readMany(keyIds: readonly string[]): Promise<ReadonlyMap<string, Uint8Array>> {
    return Promise.resolve(new Map(keyIds.flatMap((id) => {
      const secret = this.keys.get(id);
      return secret === undefined ? [] : [[id, secret] as const];
    })));
  }

  async destroy(keyId: string): Promise<boolean> {
    const secret = this.keys.get(keyId);
    if (secret === undefined) return false;
    await this.change(() => this.keys.delete(keyId), () => this.keys.set(keyId, secret));
    return true;
  }

  /** Apply a change in memory and write the file; a failed write undoes it in memory too. */
  private change(apply: () => void, undo: () => void): Promise<void> {
    const run = async (): Promise<void> => {
      apply();
      try {
        await this.write();
      } catch (error) {
        undo();
        throw error;
      }
    };
    const next = this.writing.then(run, run);
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async write(): Promise<void> {
    const file: KeysFile = { format: FORMAT, version: 1, keys: Object.fromEntries([...this.keys].map(([id, secret]) => [id, Buffer.from(secret).toString('base64')])) };
    const temporary = `${this.path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    await handle.close();
    try {
      await rename(temporary, this.path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    await syncDirectory(dirname(this.path));
  }
}
