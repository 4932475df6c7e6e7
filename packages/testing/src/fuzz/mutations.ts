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

const EDITS: Readonly<Record<'retype' | 'limits' | 'unicode' | 'prototype', Edit>> = { retype, limits, unicode, prototype };

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

/** The lines of one case and what a mutation of them returns: what was done, and the file's text. */
interface Target {
  readonly lines: readonly string[];
  readonly i: number;
  readonly j: number;
  readonly c: Choice;
}
type Done = { readonly description: string; readonly text: string };

const joined = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');
const replaced = (t: Target, text: string): string => joined(t.lines.map((l, k) => (k === t.i ? text : l)));

const isObjectAt = (line: Json) => (p: readonly Step[]): boolean => {
  const v = getAt(line, p);
  return v !== null && typeof v === 'object' && !Array.isArray(v);
};

/** A value edited at a path in the line's JSON (EDITS); a key is added to an object, so prototype keys choose among the objects. */
const edited = (t: Target, edit: Edit): Done => {
  const text = t.lines[t.i] ?? '';
  const parsed = JSON.parse(text) as Json;
  const all = pathsOf(parsed);
  const paths = t.c.kind === 'prototype' ? all.filter(isObjectAt(parsed)) : all;
  const change = edit(parsed, paths[t.c.path % paths.length] ?? [], t.c.pick);
  return change === undefined ? { description: 'left as it was (no object there)', text: joined(t.lines) } : { description: change.what, text: replaced(t, change.text) };
};

const LINE_MUTATIONS: Readonly<Record<'truncate' | 'flip' | 'reorder' | 'duplicate', (t: Target) => Done>> = {
  truncate: (t) => {
    const text = t.lines[t.i] ?? '';
    const at = t.c.pick % Math.max(1, text.length);
    // Half the time the file ends there, as a torn write leaves it; else only that line is cut.
    return t.c.other % 2 === 0
      ? { description: `the file cut after ${at} characters of this line`, text: `${joined(t.lines.slice(0, t.i))}${text.slice(0, at)}` }
      : { description: `cut to its first ${at} characters`, text: replaced(t, text.slice(0, at)) };
  },
  flip: (t) => {
    const text = t.lines[t.i] ?? '';
    const at = t.c.pick % Math.max(1, text.length);
    const char = FLIP_CHARS[t.c.other % FLIP_CHARS.length] ?? 'x';
    return { description: `character ${at + 1} replaced by ${JSON.stringify(char)}`, text: replaced(t, text.slice(0, at) + char + text.slice(at + 1)) };
  },
  reorder: (t) => {
    const swapped = [...t.lines];
    swapped[t.i] = t.lines[t.j] ?? '';
    swapped[t.j] = t.lines[t.i] ?? '';
    return { description: `swapped with line ${t.j + 1}`, text: joined(swapped) };
  },
  duplicate: (t) => {
    const copied = [...t.lines];
    copied.splice(t.j, 0, t.lines[t.i] ?? '');
    return { description: `copied in before line ${t.j + 1}`, text: joined(copied) };
  },
};

const mutate = (base: readonly string[], c: Choice): LedgerMutation => {
  const lines = c.unhashed ? base.map(unhash) : [...base];
  const t: Target = { lines, i: c.line % lines.length, j: c.other % lines.length, c };
  const kind = c.kind;
  const edit = kind === 'retype' || kind === 'limits' || kind === 'unicode' || kind === 'prototype' ? EDITS[kind] : undefined;
  const done = edit === undefined ? LINE_MUTATIONS[kind as keyof typeof LINE_MUTATIONS](t) : edited(t, edit);
  return { kind, unhashed: c.unhashed, line: t.i + 1, description: `line ${t.i + 1}: ${done.description}`, text: done.text };
};

/** A failing case prints as what was done, not as the whole file. */
const described = (m: LedgerMutation): LedgerMutation =>
  Object.assign(m, { [fc.toStringMethod]: () => `${m.kind}${m.unhashed ? ' (hashes taken out)' : ''}: ${m.description}` });

/** Mutated copies of `base` (lines of a ledger file without their newlines), one mutation each. */
export const ledgerMutations = (base: readonly string[]): fc.Arbitrary<LedgerMutation> => choice.map((c) => described(mutate(base, c)));
