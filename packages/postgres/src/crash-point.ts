/**
 * Where a test makes the process die as a crash would (SIGKILL: no cleanup,
 * no finally): `COLLECTIVE_LEDGER_CRASH_AT` set to the point's name. The
 * variable is meant for the crash tests; nothing else reads it.
 */
export const crashPoint = (name: string): void => {
  if (process.env['COLLECTIVE_LEDGER_CRASH_AT'] === name) process.kill(process.pid, 'SIGKILL');
};
