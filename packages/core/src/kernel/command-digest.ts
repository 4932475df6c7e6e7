import { createHash } from 'node:crypto';

/** JSON with the keys of every object in code-point order, so equal content gives equal text. */
const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
};

/**
 * The fingerprint of a request, stamped on its events as `commandDigest`: the
 * SHA-256 of the command's name, its business date and its input in canonical
 * JSON (wire form: decimal strings, keys sorted). The same command id sent
 * again with another digest is a different request.
 */
export const commandDigest = (name: string, occurredOn: string, input: unknown): Promise<string> =>
  // Hashed at once (node:crypto, as the chain hashes are): WebCrypto's digest goes through the thread pool, which cost a command more than its fold.
  Promise.resolve(`sha256:${createHash('sha256').update(canonicalJson({ command: name, occurredOn, input }), 'utf8').digest('hex')}`);
