export { runCli, commands } from './cli.js';
export type { CliIo, CliOutput } from './io.js';
export type { Command, CommandContext } from './commands/command.js';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliError, UsageError } from './errors.js';
export { openStore, type OpenStoreOptions } from './stores.js';
export { FileEventStore, LedgerNotFoundError, type FileEventStoreOptions } from './file-store.js';
export { LedgerLockedError } from './file-lock.js';
export { CorruptLedgerError } from './file-errors.js';
export * from './reports/index.js';
