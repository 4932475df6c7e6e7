import type { EventCatalog } from '@collective-ledger/core';
import type { CliIo } from '../io.js';

export interface CommandContext {
  readonly io: CliIo;
  readonly catalog: EventCatalog;
}

/** One `collective-ledger <command>`: its help text and what it does. Returns the exit code. */
export interface Command {
  readonly name: string;
  /** One line for the program's help. */
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], context: CommandContext): Promise<number>;
}

/** Repairs the store made on opening (a torn line cut off) go to stderr as warnings. */
export const warnOn =
  (context: CommandContext) =>
  (message: string): void => {
    context.io.stderr.write(`warning: ${message}\n`);
  };
