const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) return `a ${typeof value}`;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** The object's own value at `key`: never one it inherits (`toString`, `constructor`). */
const own = (value: Readonly<Record<string, unknown>>, key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);

const at = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

/**
 * The first place where two JSON values differ, as `path: recorded X, expected Y`
 * (`undefined` when they are equal). Keys whose value is `undefined` count as
 * absent, as in JSON.
 */
export const firstDifference = (recorded: unknown, expected: unknown, path = ''): string | undefined => {
  if (Array.isArray(recorded) && Array.isArray(expected)) {
    for (let i = 0; i < Math.max(recorded.length, expected.length); i += 1) {
      const difference = firstDifference(recorded[i], expected[i], at(path, i));
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  if (isObject(recorded) && isObject(expected)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(recorded)])];
    for (const key of keys) {
      const difference = firstDifference(own(recorded, key), own(expected, key), at(path, key));
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  if (recorded === expected) return undefined;
  return `${path === '' ? '(value)' : path}: recorded ${show(recorded)}, the rules give ${show(expected)}`;
};
