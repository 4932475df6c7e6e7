/**
 * A store clock for tests: each reading is one minute after the one before,
 * from `start`, so every append gets its own `recordedAt` and a ledger built
 * with it is the same bytes on every run.
 */
export const minuteClock = (start = '2024-01-15T08:00:00.000Z'): (() => Date) => {
  let next = Date.parse(start);
  return () => {
    const reading = new Date(next);
    next += 60_000;
    return reading;
  };
};
