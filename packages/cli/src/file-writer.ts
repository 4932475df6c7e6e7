import { open, unlink, type FileHandle } from 'node:fs/promises';
import { crashPoint } from './crash-point.js';
import type { LedgerState } from './file-load.js';
import { removeJournal, writeJournal } from './import-journal.js';

const FLUSH_BYTES = 1024 * 1024;

/** `write` may write less than asked: loop until the whole buffer is at `position`. */
const writeFully = async (handle: FileHandle, buffer: Buffer, position: number): Promise<void> => {
  for (let done = 0; done < buffer.length; ) {
    const { bytesWritten } = await handle.write(buffer, done, buffer.length - done, position + done);
    done += bytesWritten;
  }
};

/**
 * Writes after the committed end of a ledger file, then fsyncs. A write that
 * fails is undone (the file is cut back, or removed if the write created it);
 * the caller updates the state only after success, so readers never see it.
 */
export class LedgerFileWriter {
  private handle: FileHandle | undefined;

  constructor(
    private readonly path: string,
    private readonly stateOf: () => LedgerState,
  ) {}

  private get state(): LedgerState {
    return this.stateOf();
  }

  /** Write one batch in one write, then fsync. */
  async append(buffer: Buffer): Promise<void> {
    const created = !this.state.exists;
    const handle = await this.open();
    try {
      await writeFully(handle, buffer, this.state.bytes);
      await handle.sync();
    } catch (error) {
      await this.rollBack(this.state.bytes, created);
      throw error;
    }
  }

  /**
   * Start a large write (an import). Its journal records the length to return
   * to, so that a crash part way is rolled back the next time the file is opened.
   */
  async begin(): Promise<ImportSession> {
    await writeJournal(this.path, this.state.bytes);
    const created = !this.state.exists;
    try {
      const handle = await this.open();
      return new ImportSession(this.path, handle, this.state.bytes, (length) => this.abort(length, created));
    } catch (error) {
      await removeJournal(this.path);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }

  private async open(): Promise<FileHandle> {
    if (this.handle !== undefined) return this.handle;
    // `wx+` when the store creates the file: fail rather than overwrite one that appeared meanwhile.
    this.handle = await open(this.path, this.state.exists ? 'r+' : 'wx+');
    this.state.exists = true;
    return this.handle;
  }

  private async abort(length: number, created: boolean): Promise<void> {
    await this.rollBack(length, created);
    await removeJournal(this.path);
  }

  private async rollBack(length: number, created: boolean): Promise<void> {
    if (created) {
      await this.close();
      await unlink(this.path).catch(() => undefined);
      this.state.exists = false;
      return;
    }
    const handle = await this.open();
    await handle.truncate(length);
    await handle.sync();
  }
}

/** The writes of one import: buffered, written after the committed end, then synced or undone. */
export class ImportSession {
  private parts: Buffer[] = [];
  private pending = 0;
  private position: number;

  constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly start: number,
    private readonly onAbort: (length: number) => Promise<void>,
  ) {
    this.position = start;
  }

  async write(buffer: Buffer): Promise<void> {
    this.parts.push(buffer);
    this.pending += buffer.length;
    if (this.pending < FLUSH_BYTES) return;
    await this.flush();
    crashPoint('import-part-written');
  }

  /** Flush, fsync and drop the journal; returns the bytes written. */
  async finish(): Promise<number> {
    await this.flush();
    await this.handle.sync();
    crashPoint('import-synced');
    await removeJournal(this.path);
    return this.position - this.start;
  }

  async abort(): Promise<void> {
    this.parts = [];
    await this.onAbort(this.start);
  }

  private async flush(): Promise<void> {
    const data = Buffer.concat(this.parts);
    this.parts = [];
    this.pending = 0;
    await writeFully(this.handle, data, this.position);
    this.position += data.length;
  }
}
