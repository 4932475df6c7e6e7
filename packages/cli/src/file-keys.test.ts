import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PersonalDataKeysError } from '@collective-ledger/core';
import { FilePersonalDataKeys, personalDataKeysPath } from './file-keys.js';

let dir = '';
let path = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-keys-'));
  path = personalDataKeysPath(join(dir, 'ledger.ndjson'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FilePersonalDataKeys', () => {
  it('keeps its keys beside the ledger, readable by its owner alone, and reads them back once opened again', async () => {
    expect(path).toBe(join(dir, 'ledger.ndjson.keys'));
    const keys = await FilePersonalDataKeys.open(path);
    expect(await keys.read('member/v/m1')).toBeUndefined();
    const m1 = await keys.getOrCreate('member/v/m1');
    const m2 = await keys.getOrCreate('member/v/m2');
    expect(await keys.getOrCreate('member/v/m1')).toEqual(m1);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const again = await FilePersonalDataKeys.open(path);
    expect(await again.read('member/v/m1')).toEqual(m1);
    expect([...(await again.readMany(['member/v/m2', 'member/v/m9'])).entries()]).toEqual([['member/v/m2', m2]]);
  });

  it('destroys a key in the file: opened again, it is gone and the others stay', async () => {
    const keys = await FilePersonalDataKeys.open(path);
    const m1 = await keys.getOrCreate('member/v/m1');
    const m2 = await keys.getOrCreate('member/v/m2');
    expect(await keys.destroy('member/v/m1')).toBe(true);
    expect(await keys.destroy('member/v/m1')).toBe(false);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('member/v/m1');
    expect(text).not.toContain(Buffer.from(m1).toString('base64'));
    const again = await FilePersonalDataKeys.open(path);
    expect(await again.read('member/v/m1')).toBeUndefined();
    expect(await again.read('member/v/m2')).toEqual(m2);
  });

  it('writes a whole new file and renames it over the old one: a new inode each time, no temporary file left', async () => {
    const keys = await FilePersonalDataKeys.open(path);
    await keys.getOrCreate('member/v/m1');
    const first = (await stat(path)).ino;
    await Promise.all([keys.getOrCreate('member/v/m2'), keys.getOrCreate('member/v/m3'), keys.destroy('member/v/m1')]);
    expect((await stat(path)).ino).not.toBe(first);
    expect(await readdir(dir)).toEqual(['ledger.ndjson.keys']);
    const again = await FilePersonalDataKeys.open(path);
    expect([...(await again.readMany(['member/v/m1', 'member/v/m2', 'member/v/m3'])).keys()]).toEqual(['member/v/m2', 'member/v/m3']);
  });

  it('a write that cannot replace the file keeps nothing, in memory or on disk', async () => {
    const keys = await FilePersonalDataKeys.open(path);
    await mkdir(path); // the rename over a directory fails
    await expect(keys.getOrCreate('member/v/m1')).rejects.toThrow(/EISDIR/);
    expect(await readdir(dir)).toEqual(['ledger.ndjson.keys']);
    expect(await readdir(path)).toEqual([]);
    await rm(path, { recursive: true });
    expect(await keys.read('member/v/m1')).toBeUndefined();
  });

  it('refuses a file that is not a key file, naming it and what is wrong', async () => {
    await writeFile(path, 'not json');
    await expect(FilePersonalDataKeys.open(path)).rejects.toThrow(new PersonalDataKeysError(`${path}: not a personal-data key file (not JSON)`));
    await writeFile(path, JSON.stringify({ format: 'collective-ledger personal-data keys', version: 1, keys: { 'member/v/m1': 'AAAA' } }));
    await expect(FilePersonalDataKeys.open(path)).rejects.toThrow(`${path}: keys.member/v/m1: expected the base64 of a 32-byte key`);
  });
});

describe('FilePersonalDataKeys shared by several writers', () => {
  it('two instances on one file keep both their keys, and each finds the keys the other made', async () => {
    const first = await FilePersonalDataKeys.open(path);
    const second = await FilePersonalDataKeys.open(path);
    const made = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).getOrCreate(`member/v/m${i}`)));
    const again = await FilePersonalDataKeys.open(path);
    const ids = made.map((_, i) => `member/v/m${i}`);
    expect([...(await again.readMany(ids)).values()]).toEqual(made);
    expect(await first.read('member/v/m1')).toEqual(made[1]);
    expect(await second.getOrCreate('member/v/m0')).toEqual(made[0]);
    expect(await readdir(dir)).toEqual(['ledger.ndjson.keys']);
  });

  it('a key destroyed through one instance is gone for the other, and is not written back by its next change', async () => {
    const first = await FilePersonalDataKeys.open(path);
    await first.getOrCreate('member/v/m1');
    const second = await FilePersonalDataKeys.open(path);
    expect(await second.destroy('member/v/m1')).toBe(true);
    await first.getOrCreate('member/v/m2');
    const again = await FilePersonalDataKeys.open(path);
    expect(await again.read('member/v/m1')).toBeUndefined();
    expect(await again.read('member/v/m2')).toBeDefined();
  });

  it('takes over a lock left by a process that is gone', async () => {
    await writeFile(`${path}.lock`, '999999999\n');
    const keys = await FilePersonalDataKeys.open(path);
    await keys.getOrCreate('member/v/m1');
    expect(await readdir(dir)).toEqual(['ledger.ndjson.keys']);
  });
});
