/**
 * Mutations of a real ledger file, as fast-check arbitraries: what a careless
 * hand, a broken tool, a torn write or an attacker does to the lines.
 */
import fc from 'fast-check';

export const MUTATION_KINDS = ['truncate', 'flip', 'reorder', 'duplicate', 'retype', 'limits', 'unicode', 'prototype'] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

/** One mutated ledger: what was done, to which line (1-based), and the file's text. */
export interface LedgerMutation {
  readonly kind: MutationKind;
  /** Whether the chain hashes were taken out first, so edits reach the rules of the books rather than the chain. */
  readonly unhashed: boolean;
  readonly line: number;
  readonly description: string;
  readonly text: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = string | number;

/** Every path into a JSON value (the value itself is `[]`), in a stable order. */
const pathsOf = (value: Json, at: Step[] = [], out: Step[][] = []): Step[][] => {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) pathsOf(value[key] as Json, [...at, key], out);
  return out;
};

const getAt = (value: Json, path: readonly Step[]): Json => path.reduce<Json>((v, step) => (v as Record<string, Json>)[step] as Json, value);

/** `value` with the thing at `path` replaced (the root itself when `path` is empty). */
const setAt = (value: Json, path: readonly Step[], replacement: Json): Json => {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [Step, ...Step[]];
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? setAt(item, rest, replacement) : item));
  const object = value as Record<string, Json>;
  const copy: Record<string, Json> = {};
  for (const key of Object.keys(object)) copy[key] = key === head ? setAt(object[key] as Json, rest, replacement) : (object[key] as Json);
  return copy;
};

const pathText = (path: readonly Step[]): string => path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('') || '(line)';

/** A value of another kind than JSON's usual one there: numbers for strings, strings for numbers, nulls, arrays, odd amounts. */
const OTHER_VALUES: readonly Json[] = [null, true, 0, -1, 1e21, 0.1, '', ' ', '-0.00', '1e5', '0x10', '１２', [], {}, [null], { '': '' }, 'NaN', '2023-02-30', '9'.repeat(40)];

/** Strange text: U+0000, lone surrogates, a BOM, line and paragraph separators, combining marks, full-width digits, right-to-left marks. */
const ODD_TEXT: readonly string[] = ['\u0000', '\ud800', '\udfff', '\ufeff', '\u2028', '\u2029', 'e\u0301', '１２３', '\u202e', '\u0085', '\uffff', '😀', '\u00a0', '\t', '"', '\\'];

const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** JSON text of `value` with the object key `'\u0001proto'` written as `"__proto__"`: JSON.stringify of an own __proto__ would not survive an object literal. */
const withProtoKey = (value: Json): string => JSON.stringify(value).replaceAll('"\\u0001proto"', '"__proto__"');

const FLIP_CHARS: readonly string[] = ['0', '9', 'a', 'Z', '"', '{', '}', '[', ',', ':', '\\', ' ', '-', '.', '账', '\n'];

/** What a mutation does to one line's parsed JSON, given a path chosen in it and a pick. */
type Edit = (line: Json, path: readonly Step[], pick: number) => { text: string; what: string } | undefined;

const retype: Edit = (line, path, pick) => {
  const value = OTHER_VALUES[pick % OTHER_VALUES.length] as Json;
  return { text: JSON.stringify(setAt(line, path, value)), what: `${pathText(path)} set to ${JSON.stringify(value)}` };
};

const limits: Edit = (line, path, pick) => {
  const kinds: (readonly [string, () => Json | string])[] = [
    ['nested 40 deep', () => Array.from({ length: 40 }).reduce<Json>((inner) => ({ d: inner }), {})],
    ['a string of 20,000 characters', () => '账'.repeat(20_000)],
    ['an array of 5,000 items', () => Array.from({ length: 5_000 }, (_, i) => i)],
    ['an object of 2,000 keys', () => Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i]))],
  ];
  const [what, make] = kinds[pick % kinds.length] as readonly [string, () => Json];
  return { text: JSON.stringify(setAt(line, path, make())), what: `${pathText(path)} replaced by ${what}` };
};

const unicode: Edit = (line, path, pick) => {
  const odd = ODD_TEXT[pick % ODD_TEXT.length] ?? '';
  const target = getAt(line, path);
  if (typeof target === 'string') {
    const at = pick % (target.length + 1);
    return { text: JSON.stringify(setAt(line, path, target.slice(0, at) + odd + target.slice(at))), what: `${JSON.stringify(odd)} put into the text at ${pathText(path)}` };
  }
  if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
    return { text: JSON.stringify(setAt(line, path, { ...target, [`键${odd}`]: '值' })), what: `a key with ${JSON.stringify(odd)} added at ${pathText(path)}` };
  }
  return { text: JSON.stringify(setAt(line, path, odd)), what: `${pathText(path)} set to ${JSON.stringify(odd)}` };
};

const prototype: Edit = (line, path, pick) => {
  const target = getAt(line, path);
  if (target === null || typeof target !== 'object' || Array.isArray(target)) return undefined;
  const key = PROTOTYPE_KEYS[pick % PROTOTYPE_KEYS.length] ?? '__proto__';
  const value: Json = pick % 2 === 0 ? { polluted: true } : 'x';
  const added = setAt(line, path, { ...target, [key === '__proto__' ? '\u0001proto' : key]: value });
  return { text: withProtoKey(added), what: `the key ${JSON.stringify(key)} added at ${pathText(path)}` };
};

const EDITS: Partial<Record<MutationKind, Edit>> = { retype, limits, unicode, prototype };

const unhash = (text: string): string => {
  const line = JSON.parse(text) as { metadata?: Record<string, unknown> };
  if (line.metadata !== undefined) delete line.metadata['hash'];
  return JSON.stringify(line);
};

/** The raw choices behind one mutation: kind, whether hashes go first, and numbers that pick lines, paths and values. */
const choice = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  unhashed: fc.boolean(),
  line: fc.nat(),
  other: fc.nat(),
  path: fc.nat(),
  pick: fc.nat(),
});

type Choice = typeof choice extends fc.Arbitrary<infer C> ? C : never;

const mutate = (base: readonly string[], c: Choice): LedgerMutation => {
  const lines = c.unhashed ? base.map(unhash) : [...base];
  const i = c.line % lines.length;
  const j = c.other % lines.length;
  const text = lines[i] ?? '';
  const done = (description: string, changed: string[]): LedgerMutation => ({
    kind: c.kind,
    unhashed: c.unhashed,
    line: i + 1,
    description: `line ${i + 1}: ${description}`,
    text: changed.map((l) => `${l}\n`).join(''),
  });
  switch (c.kind) {
    case 'truncate': {
      const at = c.pick % Math.max(1, text.length);
      // Half the time the file ends there, as a torn write leaves it; else only that line is cut.
      return c.other % 2 === 0
        ? { ...done(`the file cut after ${at} characters of this line`, lines.slice(0, i)), text: `${lines.slice(0, i).map((l) => `${l}\n`).join('')}${text.slice(0, at)}` }
        : done(`cut to its first ${at} characters`, lines.map((l, k) => (k === i ? l.slice(0, at) : l)));
    }
    case 'flip': {
      const at = c.pick % Math.max(1, text.length);
      const char = FLIP_CHARS[c.other % FLIP_CHARS.length] ?? 'x';
      return done(`character ${at + 1} replaced by ${JSON.stringify(char)}`, lines.map((l, k) => (k === i ? l.slice(0, at) + char + l.slice(at + 1) : l)));
    }
    case 'reorder': {
      const swapped = [...lines];
      swapped[i] = lines[j] ?? '';
      swapped[j] = text;
      return done(`swapped with line ${j + 1}`, swapped);
    }
    case 'duplicate': {
      const copied = [...lines];
      copied.splice(j, 0, text);
      return done(`copied in before line ${j + 1}`, copied);
    }
    default: {
      const edit = EDITS[c.kind];
      const parsed = JSON.parse(text) as Json;
      // A key is added to an object: choose among the objects of the line.
      const all = pathsOf(parsed);
      const objects = all.filter((p) => { const v = getAt(parsed, p); return v !== null && typeof v === 'object' && !Array.isArray(v); });
      const paths = c.kind === 'prototype' ? objects : all;
      const path = paths[c.path % paths.length] ?? [];
      const edited = edit?.(parsed, path, c.pick);
      if (edited === undefined) return done('left as it was (no object there)', lines);
      return done(edited.what, lines.map((l, k) => (k === i ? edited.text : l)));
    }
  }
};

/** Mutated copies of `base` (lines of a ledger file without their newlines), one mutation each. */
/** A failing case prints as what was done, not as the whole file. */
const described = (m: LedgerMutation): LedgerMutation =>
  Object.assign(m, { [fc.toStringMethod]: () => `${m.kind}${m.unhashed ? ' (hashes taken out)' : ''}: ${m.description}` });

export const ledgerMutations = (base: readonly string[]): fc.Arbitrary<LedgerMutation> => choice.map((c) => described(mutate(base, c)));
