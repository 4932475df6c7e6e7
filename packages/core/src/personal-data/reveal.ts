import { openSealed } from './cipher.js';
import type { PersonalDataKeys } from './keys.js';
import { isSealed, type PersonalText } from './sealed-field.js';

/**
 * A personal field that cannot be shown: `erased` when its key was destroyed
 * (or the member's personal data was erased), `sealed` when no key store was
 * given to open it.
 */
export interface Withheld {
  readonly withheld: 'erased' | 'sealed';
}
export const ERASED: Withheld = { withheld: 'erased' };
export const SEALED: Withheld = { withheld: 'sealed' };

/** A personal field as a report shows it: the text, or why it is withheld. */
export type Revealed = string | Withheld;

export const isWithheld = (value: unknown): value is Withheld =>
  typeof value === 'object' && value !== null && typeof (value as { withheld?: unknown }).withheld === 'string';

/** Opens personal fields: `(value, where)` is the text, `ERASED`, `SEALED` or `undefined` when there is none. */
export type Opener = (value: PersonalText | undefined, where: string) => Revealed | undefined;

/**
 * An opener for `values`, their keys read from `keys` at once. Without a key
 * store a sealed field is `SEALED`; with one, a field whose key is gone is
 * `ERASED`; a field that does not authenticate throws a `SealedFieldError`.
 */
export const openerFor = async (keys: PersonalDataKeys | undefined, values: Iterable<PersonalText | undefined>): Promise<Opener> => {
  const ids = new Set<string>();
  for (const value of values) if (isSealed(value)) ids.add(value.key);
  const secrets = keys === undefined || ids.size === 0 ? new Map<string, Uint8Array>() : await keys.readMany([...ids]);
  return (value, where) => {
    if (!isSealed(value)) return value;
    if (keys === undefined) return SEALED;
    const secret = secrets.get(value.key);
    return secret === undefined ? ERASED : openSealed(value, secret, where);
  };
};
