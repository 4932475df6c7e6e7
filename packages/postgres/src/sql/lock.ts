/** First key of every advisory lock this package takes ("CLLG"). */
export const LOCK_CLASS = 0x434c4c47;

/** A stable 32-bit signed hash (FNV-1a) of a name, the second key of an advisory lock. */
const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
};

/**
 * The schema's write lock. Every append holds it shared from before it takes
 * a global position until it commits; a reader takes it exclusive for an
 * instant to wait out the appends in flight; an import holds it exclusive.
 */
export const writeLockKey = (schema: string): readonly [number, number] => [LOCK_CLASS, fnv1a(`write:${schema}`)];

/** The lock that runs migrations of `schema` one process at a time. */
export const migrationLockKey = (schema: string): readonly [number, number] => [LOCK_CLASS, fnv1a(`migrate:${schema}`)];
