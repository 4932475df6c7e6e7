import { coreCatalog, type EventCatalog } from '@collective-ledger/core';
import { wantsHelp } from './args.js';
import type { Command, CommandContext } from './commands/command.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { projectCommand } from './commands/project.js';
import { reportCommand } from './commands/report.js';
import { sealCommand } from './commands/seal.js';
import { verifyCommand } from './commands/verify.js';
import { describeError } from './describe-error.js';
import { EXIT_FAILURE, EXIT_OK, InterruptedError, OutputClosedError, UsageError } from './errors.js';
import type { CliIo } from './io.js';

export const commands: readonly Command[] = [importCommand, exportCommand, reportCommand, projectCommand, verifyCommand, sealCommand];

const programUsage = (): string => `collective-ledger: the books of rural collective economic organizations, kept as events

Usage: collective-ledger <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join('\n')}

Run collective-ledger <command> --help for a command's options.

Options:
  -h, --help   show this help

Exit codes: 0 done, 1 failed (the error is on stderr; for verify, a rule is broken),
2 wrong command line, 3 verify found warnings only.
Set COLLECTIVE_LEDGER_DEBUG=1 to see stack traces.
`;

const dispatch = async (argv: readonly string[], context: CommandContext): Promise<number> => {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('no command given (see: collective-ledger --help)');
  if (first === '--help' || first === '-h') {
    context.io.stdout.write(programUsage());
    return EXIT_OK;
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first} (see: collective-ledger --help)`);
  const command = commands.find((c) => c.name === first);
  if (command === undefined) {
    throw new UsageError(`unknown command ${first} (commands: ${commands.map((c) => c.name).join(', ')})`);
  }
  if (wantsHelp(rest)) {
    context.io.stdout.write(command.usage);
    return EXIT_OK;
  }
  return command.run(rest, context);
};

/**
 * The `collective-ledger` program, callable in-process: results go to
 * `io.stdout`, errors to `io.stderr` as `error: ...` lines (a stack trace only
 * with COLLECTIVE_LEDGER_DEBUG=1). Returns the exit code: 0 done, 1 failed,
 * 2 wrong command line.
 */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const catalog: EventCatalog = io.catalog ?? coreCatalog;
  try {
    return await dispatch(argv, { io, catalog });
  } catch (error) {
    if (error instanceof OutputClosedError) return EXIT_OK;
    for (const line of describeError(error)) io.stderr.write(`error: ${line}\n`);
    const env = io.env ?? process.env;
    if (env['COLLECTIVE_LEDGER_DEBUG'] === '1' && error instanceof Error) io.stderr.write(`${error.stack ?? ''}\n`);
    return error instanceof UsageError || error instanceof InterruptedError ? error.exitCode : EXIT_FAILURE;
  }
};
