import type * as t from 'io-ts';

/** One problem found while decoding: where (a dotted path) and why. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `${value}n`;
  try {
    const s = JSON.stringify(value);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(value);
  }
};

/**
 * Turn io-ts context into a user's path: keys of objects and arrays, skipping the
 * numeric member keys io-ts adds for unions and intersections.
 */
const pathOf = (context: t.Context, prefix: string): string => {
  const keys: string[] = prefix === '' ? [] : [prefix];
  for (let i = 1; i < context.length; i += 1) {
    const entry = context[i];
    const parent = context[i - 1];
    if (entry === undefined || parent === undefined) continue;
    const parentTag = (parent.type as { _tag?: string })._tag;
    if (parentTag === 'UnionType' || parentTag === 'IntersectionType') continue;
    keys.push(entry.key);
  }
  return keys.join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
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
