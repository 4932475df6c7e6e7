import type * as t from 'io-ts';

/** One problem found while decoding: where (a dotted path) and why. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `${value}n`;
  // JSON would print NaN and Infinity as null, hiding the very mistake being reported.
  if (typeof value === 'number') return String(value);
  try {
    const s = JSON.stringify(value) as string | undefined;
    if (s === undefined) return `a ${typeof value}`;
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return `an unprintable ${typeof value}`;
  }
};

const INDEXED = new Set(['ArrayType', 'ReadonlyArrayType', 'TupleType']);
const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** The step of a path to an object's field: `.name`, or `["odd key"]` for a key that is not a plain name. */
export const fieldStep = (key: string): string => (IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/** One step of a path: `[1]` under an array, a {@link fieldStep} otherwise. */
const step = (key: string, parent: t.ContextEntry): string => {
  if (INDEXED.has((parent.type as { _tag?: string })._tag ?? '')) return `[${key}]`;
  return fieldStep(key);
};

/** A path as the reporter prints it: without a leading dot, `(value)` for the value itself. */
export const printedPath = (path: string): string => (path.startsWith('.') ? path.slice(1) : path) || '(value)';

/**
 * Turn io-ts context into a user's path: keys of objects and arrays. Entries that
 * pass the same value on (members of unions and intersections, wrappers) add no
 * key, so the path reads `data.lines[0].amount`, never `data.0.lines.0.1.amount`.
 */
const pathOf = (context: t.Context, prefix: string): string => {
  let path = prefix;
  for (let i = 1; i < context.length; i += 1) {
    const entry = context[i];
    const parent = context[i - 1];
    if (entry === undefined || parent === undefined || entry.key === '') continue;
    if (entry.actual === parent.actual && 'actual' in parent) continue;
    path += step(entry.key, parent);
  }
  return path.startsWith('.') ? path.slice(1) : path;
};

const expectedOf = (error: t.ValidationError): string => {
  if (error.message !== undefined) return error.message;
  const last = error.context[error.context.length - 1];
  return `expected ${last?.type.name ?? 'a valid value'}`;
};

/** The issues of a failed decode, one per distinct path and reason. */
export const validationIssues = (errors: t.Errors, prefix = ''): ValidationIssue[] => {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of errors) {
    const path = pathOf(error.context, prefix) || '(value)';
    const message = `${expectedOf(error)}, got ${show(error.value)}`;
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path, message });
  }
  return issues;
};

/** `data.amount: expected a yuan amount with at most 2 decimals, got "12.345"`, one line per issue. */
export const formatValidationErrors = (errors: t.Errors, prefix = ''): string[] =>
  validationIssues(errors, prefix).map((issue) => `${issue.path}: ${issue.message}`);
