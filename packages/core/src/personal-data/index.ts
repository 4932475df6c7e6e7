export { SEALED_V1, SealedField, PersonalText, isSealed } from './sealed-field.js';
export { sealText, openSealed, newKeySecret, SealedFieldError, KEY_BYTES } from './cipher.js';
export { memberKeyId, householdKeyId, PersonalDataKeysError, type PersonalDataKeys } from './keys.js';
export { InMemoryPersonalDataKeys } from './memory-keys.js';
export { ERASED, SEALED, isWithheld, openerFor, type Opener, type Revealed, type Withheld } from './reveal.js';
