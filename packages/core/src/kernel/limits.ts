/**
 * What a store accepts of an event's content, beyond its envelope's codecs:
 * the same on every store (docs/events.md, "What a store accepts").
 */

/** The bounds every store holds an event to; each adapter takes its own. */
export interface StoreLimits {
  /** Deepest nesting of objects and arrays in an event's data (the data object itself is depth 1). */
  readonly maxDepth: number;
  /** Longest string, in characters (UTF-16 code units), anywhere in an event: keys and values. */
  readonly maxStringLength: number;
  /** Largest event: about the characters of its JSON text (type, data and metadata). */
  readonly maxEventSize: number;
}

/**
 * Room for the largest events the domain writes (a year's close carrying the
 * registers of a village with thousands of members and assets is about a
 * megabyte), and far below what would strain a store.
 */
export const DEFAULT_STORE_LIMITS: StoreLimits = Object.freeze({
  maxDepth: 32,
  maxStringLength: 10_000,
  maxEventSize: 8_000_000,
});

/** A store's limits: the defaults with what the caller set, each checked to be a whole number above zero. */
export const storeLimitsOf = (given: Partial<StoreLimits> = {}): StoreLimits => {
  const limits = { ...DEFAULT_STORE_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`limits.${name}: expected a whole number of 1 or more, got ${String(value)}`);
  }
  return Object.freeze(limits);
};

/** Some text of a value for a message: at most 60 characters of it, quoted. */
export const quoted = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** Characters a store refuses in any string: U+0000, and any surrogate (paired ones are checked again below). */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is looked for
const SUSPECT = /[\u0000\ud800-\udfff]/;

/** Why a string cannot be stored, or undefined: U+0000, or a surrogate without its other half. */
export const badCharacterIn = (text: string): string | undefined => {
  if (!SUSPECT.test(text)) return undefined;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0) return `contains U+0000 at character ${i + 1}`;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else return `contains an unpaired surrogate at character ${i + 1} (not valid Unicode text)`;
    } else if (c >= 0xdc00 && c <= 0xdfff) return `contains an unpaired surrogate at character ${i + 1} (not valid Unicode text)`;
  }
  return undefined;
};

/** A problem with one value: where (a path such as `data.lines[3].summary`, empty for the whole event) and why. */
export interface ContentProblem {
  readonly path: string;
  readonly reason: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const step = (path: string, key: string): string => (IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${quoted(key)}]`);

/**
 * Walks one event's data and metadata: the size so far and the first problem.
 * Size counts each string and key by its characters plus two quotes, each
 * number by its digits, each other value and each separator by a few.
 */
class ContentWalk {
  size = 0;
  problem: ContentProblem | undefined;

  constructor(private readonly limits: StoreLimits) {}

  private fail(path: string, reason: string): false {
    this.problem = { path, reason };
    return false;
  }

  string(text: string, path: string): boolean {
    if (text.length > this.limits.maxStringLength) {
      return this.fail(path, `a string of ${text.length} characters, longer than the store's limit of ${this.limits.maxStringLength}`);
    }
    const bad = badCharacterIn(text);
    if (bad !== undefined) return this.fail(path, bad);
    this.size += text.length + 3;
    return true;
  }

  value(value: unknown, path: string, depth: number): boolean {
    if (typeof value === 'string') return this.string(value, path);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return this.fail(path, `${String(value)} is not a JSON number`);
      this.size += String(value).length + 1;
      return true;
    }
    if (typeof value === 'boolean' || value === null) {
      this.size += 6;
      return true;
    }
    if (typeof value !== 'object') return this.fail(path, `a ${typeof value} is not a JSON value`);
    if (depth > this.limits.maxDepth) return this.fail(path, `nested deeper than the store's limit of ${this.limits.maxDepth} levels`);
    return Array.isArray(value) ? this.array(value, path, depth) : this.object(value as Record<string, unknown>, path, depth);
  }

  private array(items: readonly unknown[], path: string, depth: number): boolean {
    this.size += 2;
    for (let i = 0; i < items.length; i += 1) {
      if (!this.value(items[i], `${path}[${i}]`, depth + 1)) return false;
      if (this.size > this.limits.maxEventSize) return true;
    }
    return true;
  }

  private object(value: Record<string, unknown>, path: string, depth: number): boolean {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
      return this.fail(path, 'expected a plain JSON object');
    }
    this.size += 2;
    for (const key in value) {
      if (key === '__proto__') return this.fail(step(path, key), 'the key "__proto__" is refused: it would set an object\'s prototype');
      const inner = value[key];
      if (inner === undefined) continue;
      if (!this.string(key, step(path, key))) return false;
      if (!this.value(inner, step(path, key), depth + 1)) return false;
      if (this.size > this.limits.maxEventSize) return true;
    }
    return true;
  }
}

/**
 * The first thing in an event's content that no store may keep: U+0000 or an
 * unpaired surrogate in any string or key, a `__proto__` key, a value JSON
 * cannot carry (NaN, a function), or a limit passed (depth, string length,
 * size). Undefined when there is none.
 */
export const contentProblemOf = (
  event: { readonly type: string; readonly data: object; readonly metadata: object },
  limits: StoreLimits = DEFAULT_STORE_LIMITS,
): ContentProblem | undefined => {
  const walk = new ContentWalk(limits);
  if (!walk.value(event.data, 'data', 1) || !walk.value(event.metadata, 'metadata', 1)) return walk.problem;
  walk.size += event.type.length + 40;
  if (walk.size > limits.maxEventSize) {
    return { path: '', reason: `about ${walk.size} characters of JSON or more, larger than the store's limit of ${limits.maxEventSize}` };
  }
  return undefined;
};
