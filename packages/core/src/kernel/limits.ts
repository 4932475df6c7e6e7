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

/** `data.lines[3].summary` from the steps walked: written only for a problem found, never on the way. */
const pathOf = (steps: readonly (string | number)[]): string =>
  steps.reduce<string>((path, step) => (typeof step === 'number' ? `${path}[${step}]` : IDENTIFIER.test(step) ? `${path}.${step}` : `${path}[${quoted(step)}]`), '');

/**
 * Walks one event's data and metadata: the size so far and the first problem.
 * Size counts each string and key by its characters plus two quotes, each
 * number as eight, each other value and each separator by a few. The
 * keys and indexes walked are kept on a stack, so the path of a problem is
 * written only when there is one: every append walks every event.
 */
class ContentWalk {
  size = 0;
  problem: ContentProblem | undefined;
  private readonly steps: (string | number)[] = [];

  constructor(
    private readonly limits: StoreLimits,
    private readonly root: string,
  ) {}

  private fail(reason: string): false {
    this.problem = { path: this.root + pathOf(this.steps), reason };
    return false;
  }

  private string(text: string): boolean {
    if (text.length > this.limits.maxStringLength) {
      return this.fail(`a string of ${text.length} characters, longer than the store's limit of ${this.limits.maxStringLength}`);
    }
    const bad = badCharacterIn(text);
    if (bad !== undefined) return this.fail(bad);
    this.size += text.length + 3;
    return true;
  }

  value(value: unknown, depth: number): boolean {
    if (typeof value === 'string') return this.string(value);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return this.fail(`${String(value)} is not a JSON number`);
      this.size += 8;
      return true;
    }
    if (typeof value === 'boolean' || value === null) {
      this.size += 6;
      return true;
    }
    if (typeof value !== 'object') return this.fail(`a ${typeof value} is not a JSON value`);
    if (depth > this.limits.maxDepth) return this.fail(`nested deeper than the store's limit of ${this.limits.maxDepth} levels`);
    return Array.isArray(value) ? this.array(value, depth) : this.object(value as Record<string, unknown>, depth);
  }

  private array(items: readonly unknown[], depth: number): boolean {
    this.size += 2;
    for (let i = 0; i < items.length; i += 1) {
      this.steps.push(i);
      if (!this.value(items[i], depth + 1)) return false;
      this.steps.pop();
      if (this.size > this.limits.maxEventSize) return true;
    }
    return true;
  }

  private object(value: Record<string, unknown>, depth: number): boolean {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return this.fail('expected a plain JSON object');
    this.size += 2;
    for (const key in value) {
      const inner = value[key];
      if (inner === undefined) continue;
      this.steps.push(key);
      if (key === '__proto__') return this.fail('the key "__proto__" is refused: it would set an object\'s prototype');
      if (!this.string(key) || !this.value(inner, depth + 1)) return false;
      this.steps.pop();
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
  const data = new ContentWalk(limits, 'data');
  if (!data.value(event.data, 1)) return data.problem;
  const metadata = new ContentWalk(limits, 'metadata');
  if (!metadata.value(event.metadata, 1)) return metadata.problem;
  const size = data.size + metadata.size + event.type.length + 40;
  if (size > limits.maxEventSize) {
    return { path: '', reason: `about ${size} characters of JSON or more, larger than the store's limit of ${limits.maxEventSize}` };
  }
  return undefined;
};
