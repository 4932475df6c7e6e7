import * as t from 'io-ts';
import { closestField } from './did-you-mean.js';
import { fieldStep, printedPath, type ValidationIssue } from './reporter.js';
import { StructC } from './struct.js';

/** Each field an object codec knows, with the codecs of its value (several under an intersection). */
type Fields = Map<string, t.Mixed[]>;

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

/** Refinements, brands, `t.readonly` and `t.exact` check the value of the codec they wrap. */
const unwrapped = (codec: t.Mixed): t.Mixed => {
  let c = codec;
  while (c instanceof t.RefinementType || c instanceof t.ReadonlyType || c instanceof t.ExactType) c = c.type as t.Mixed;
  return c;
};

const addProps = (fields: Fields, props: t.Props): void => {
  for (const [key, codec] of Object.entries(props)) fields.set(key, [...(fields.get(key) ?? []), codec]);
};

/** The member of a union the value is: the first that accepts it, or none. */
const memberOf = (union: t.UnionType<t.Mixed[]>, value: unknown): t.Mixed | undefined =>
  union.types.find((member) => member.decode(value)._tag === 'Right');

/**
 * The fields an object codec knows for this value; `undefined` for a codec that
 * is no object or cannot say which keys it takes. A union the value matches
 * no member of knows every member's fields.
 */
const fieldsOf = (codec: t.Mixed, value: unknown): Fields | undefined => {
  const c = unwrapped(codec);
  const fields: Fields = new Map();
  if (c instanceof StructC) {
    addProps(fields, c.required as t.Props);
    addProps(fields, c.optional as t.Props);
  } else if (c instanceof t.InterfaceType || c instanceof t.PartialType) addProps(fields, c.props as t.Props);
  else if (c instanceof t.IntersectionType || c instanceof t.UnionType) {
    const member = c instanceof t.UnionType ? memberOf(c as t.UnionType<t.Mixed[]>, value) : undefined;
    if (member !== undefined) return fieldsOf(member, value);
    for (const part of c.types as t.Mixed[]) {
      const known = fieldsOf(part, value);
      if (known === undefined) return undefined;
      for (const [key, codecs] of known) fields.set(key, [...(fields.get(key) ?? []), ...codecs]);
    }
  } else return undefined;
  return fields;
};

const unknownField = (path: string, key: string, known: readonly string[]): ValidationIssue => {
  const meant = closestField(key, known);
  return { path: printedPath(path + fieldStep(key)), message: meant === undefined ? 'unknown field' : `unknown field; did you mean ${meant}?` };
};

const walk = (codec: t.Mixed, value: unknown, path: string, issues: ValidationIssue[]): void => {
  const c = unwrapped(codec);
  if (c instanceof t.ArrayType || c instanceof t.ReadonlyArrayType) {
    if (Array.isArray(value)) value.forEach((element: unknown, i) => { walk(c.type as t.Mixed, element, `${path}[${i}]`, issues); });
    return;
  }
  if (c instanceof t.DictionaryType) {
    if (isRecord(value)) for (const [key, v] of Object.entries(value)) walk(c.codomain as t.Mixed, v, path + fieldStep(key), issues);
    return;
  }
  const fields = fieldsOf(c, value);
  if (fields === undefined || !isRecord(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const codecs = fields.get(key);
    if (codecs === undefined) issues.push(unknownField(path, key, [...fields.keys()]));
    else for (const field of codecs) walk(field, v, path + fieldStep(key), issues);
  }
};

/**
 * The keys of `value` its codec does not know, at every depth (voucher lines
 * too): `reverse: unknown field; did you mean reverses?`. The codecs of stored
 * events keep unknown keys, as old ledgers may hold them; a command refuses
 * them, so that a typo is not taken for an absent optional field and nothing
 * unasked for is written into an event. Looks into `struct`, `t.type`,
 * `t.partial`, intersections, unions (the member the value matches), arrays,
 * records, `t.readonly` and refinements; any other codec is a leaf.
 */
export const unknownFields = (codec: t.Mixed, value: unknown, prefix = ''): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  walk(codec, value, prefix, issues);
  // A field known to two members of an intersection is walked twice.
  const seen = new Set<string>();
  return issues.filter((issue) => !seen.has(issue.path) && seen.add(issue.path));
};
