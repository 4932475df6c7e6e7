import type { EventCatalog } from '@collective-ledger/core';

/** Where the CLI writes: process.stdout / process.stderr, or a collector in tests. */
export interface CliOutput {
  /** Returns false when the caller should wait for `drain` (Node streams). */
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** The event catalog ledgers are checked against (default: `coreCatalog`). */
  readonly catalog?: EventCatalog;
  /** Environment variables (default: `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Aborted when the command must stop (Ctrl-C, stdout closed): locks are released, imports roll back. */
  readonly signal?: AbortSignal;
}

/**
 * Write text, waiting when the output asks for it (so a large export never piles
 * up in memory), unless the signal stops the command first.
 */
export const writeOut = async (out: CliOutput, text: string, signal?: AbortSignal): Promise<void> => {
  signal?.throwIfAborted();
  if (out.write(text) !== false || out.once === undefined) return;
  const once = out.once.bind(out);
  await new Promise<void>((resolve, reject) => {
    const stop = (): void => {
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    once('drain', () => {
      signal?.removeEventListener('abort', stop);
      resolve();
    });
  });
};

const CHUNK = 64 * 1024;

/**
 * Write every piece of an async iterable, in order, with back-pressure; pieces
 * are gathered into writes of about 64 KiB. Returns the number of pieces.
 */
export const writeAll = async (out: CliOutput, pieces: AsyncIterable<string>, signal?: AbortSignal): Promise<number> => {
  let count = 0;
  let pending: string[] = [];
  let size = 0;
  for await (const piece of pieces) {
    pending.push(piece);
    size += piece.length;
    count += 1;
    if (size >= CHUNK) {
      await writeOut(out, pending.join(''), signal);
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) await writeOut(out, pending.join(''), signal);
  return count;
};
