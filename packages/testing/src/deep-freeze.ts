/**
 * Deep-freezing what a test hands to a decider or a projection, so that code
 * changing a state (or an event, or a command) in place fails where it does
 * so instead of corrupting a state someone else still holds.
 */

/** The methods that change a Map or a Set: `Object.freeze` does not stop them, so a frozen one gets its own that throw. */
const WRITERS: Readonly<Record<'Map' | 'Set', readonly string[]>> = { Map: ['set', 'delete', 'clear'], Set: ['add', 'delete', 'clear'] };

/** Part of every error a frozen Map or Set throws, so `isWriteToFrozen` knows it. */
export const FROZEN_COLLECTION = 'frozen by deepFreeze';

const freezeWriters = (collection: Map<unknown, unknown> | Set<unknown>, kind: 'Map' | 'Set'): void => {
  for (const method of WRITERS[kind]) {
    Object.defineProperty(collection, method, {
      value: () => {
        throw new TypeError(`Cannot call ${method}() on a ${kind} ${FROZEN_COLLECTION}`);
      },
    });
  }
};

// Objects whose whole graph is frozen already: a fold's states share most of
// their structure, so each state costs only its new parts.
const done = new WeakSet();

const childrenOf = (value: object): Iterable<unknown> => {
  const own: unknown[] = Object.values(value);
  if (value instanceof Map) return [...(value.keys() as Iterable<unknown>), ...(value.values() as Iterable<unknown>), ...own];
  if (value instanceof Set) return [...(value.values() as Iterable<unknown>), ...own];
  return Reflect.ownKeys(value).map((key) => (Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor).value as unknown);
};

/**
 * Freeze `value` and everything reachable from it through own properties and
 * Map and Set entries. Prototypes and functions are left alone, and so are
 * typed arrays, which cannot be frozen. Returns `value`.
 */
export const deepFreeze = <T>(value: T): T => {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    // Functions are left alone: a class instance's own `constructor` (decimal.js sets one) leads to its prototype.
    if (typeof next !== 'object' || next === null || done.has(next)) continue;
    done.add(next);
    if (ArrayBuffer.isView(next)) continue;
    if (next instanceof Map) freezeWriters(next, 'Map');
    else if (next instanceof Set) freezeWriters(next, 'Set');
    Object.freeze(next);
    for (const child of childrenOf(next)) pending.push(child);
  }
  return value;
};

/** Whether an error is an attempt to change something deep-frozen (V8's messages for frozen objects, or a frozen collection's). */
export const isWriteToFrozen = (error: unknown): error is TypeError =>
  error instanceof TypeError &&
  (error.message.includes(FROZEN_COLLECTION) || /read[ -]only|not extensible|Cannot (assign|add|delete|define|redefine)|frozen/.test(error.message));
