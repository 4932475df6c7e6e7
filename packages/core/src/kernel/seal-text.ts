import { canonicalJson, canonicalObject, encodedString } from './chain.js';

/**
 * The chained text of an event (chain.ts, `chainedText`) as `sealEvents`
 * writes it for a batch: the same characters, with less work. The metadata
 * keys are few and known, so they are written in their sorted order without
 * sorting; the events of a batch mostly differ only in their id, so what
 * comes before the id (actor and command ids) and after it (date, time of
 * recording, schema version) is encoded again only when it changes. Tested
 * equal to `chainedText` (seal-text.test.ts).
 */

/** Metadata as a store keeps it, read by the keys an event may have. */
interface StoredMetadata {
  readonly [key: string]: unknown;
}

/** `,"key":value` for a value that is there, nothing for one that is not. */
const member = (name: string, value: unknown): string => (value === undefined ? '' : `,"${name}":${canonicalJson(value)}`);

/**
 * Whether a text written of `value` stays true while `value` is the same: not
 * for an object, whose content can change. (Valid metadata holds no objects.)
 */
const isValue = (value: unknown): boolean => value === null || (typeof value !== 'object' && typeof value !== 'function');

/** The metadata's text before `"eventId"`: `{` and the members of the keys sorted before it, as last written. */
class Before {
  private actor: unknown = Before;
  private causationId: unknown;
  private commandDigest: unknown;
  private commandId: unknown;
  private correlationId: unknown;
  private text = '';

  of(m: StoredMetadata): string {
    if (m['actor'] !== this.actor || m['causationId'] !== this.causationId || m['commandDigest'] !== this.commandDigest || m['commandId'] !== this.commandId || m['correlationId'] !== this.correlationId) {
      ({ actor: this.actor, causationId: this.causationId, commandDigest: this.commandDigest, commandId: this.commandId, correlationId: this.correlationId } = m);
      const members = member('actor', m['actor']) + member('causationId', m['causationId']) + member('commandDigest', m['commandDigest']) + member('commandId', m['commandId']) + member('correlationId', m['correlationId']);
      this.text = members === '' ? '{' : `{${members.slice(1)},`;
      if (![m['actor'], m['causationId'], m['commandDigest'], m['commandId'], m['correlationId']].every(isValue)) this.actor = Before;
    }
    return this.text;
  }
}

/** The metadata's text after the event id: the members of the keys sorted after it, and `}`, as last written. */
class After {
  private occurredOn: unknown = After;
  private recordedAt: unknown;
  private schemaVersion: unknown;
  private text = '';

  of(m: StoredMetadata): string {
    if (m['occurredOn'] !== this.occurredOn || m['recordedAt'] !== this.recordedAt || m['schemaVersion'] !== this.schemaVersion) {
      ({ occurredOn: this.occurredOn, recordedAt: this.recordedAt, schemaVersion: this.schemaVersion } = m);
      this.text = `${member('occurredOn', m['occurredOn']) + member('recordedAt', m['recordedAt']) + member('schemaVersion', m['schemaVersion'])}}`;
      if (![m['occurredOn'], m['recordedAt'], m['schemaVersion']].every(isValue)) this.occurredOn = After;
    }
    return this.text;
  }
}

const before = new Before();
const after = new After();

/** How many of the metadata keys an event may have (hash aside) `m` has. */
const knownKeys = (m: StoredMetadata): number =>
  (m['actor'] === undefined ? 0 : 1) +
  (m['causationId'] === undefined ? 0 : 1) +
  (m['commandDigest'] === undefined ? 0 : 1) +
  (m['commandId'] === undefined ? 0 : 1) +
  (m['correlationId'] === undefined ? 0 : 1) +
  (m['eventId'] === undefined ? 0 : 1) +
  (m['occurredOn'] === undefined ? 0 : 1) +
  (m['recordedAt'] === undefined ? 0 : 1) +
  (m['schemaVersion'] === undefined ? 0 : 1);

/**
 * The canonical JSON of stored metadata without its hash, `keys` being how
 * many keys other than `hash` it has. Metadata without an event id, or with a
 * key no event may have (nothing valid), is written by the generic encoder.
 */
export const canonicalMetadata = (m: StoredMetadata, keys: number): string => {
  const id = m['eventId'];
  if (typeof id !== 'string' || knownKeys(m) !== keys) return canonicalObject(m, 'hash');
  return `${before.of(m)}"eventId":${encodedString(id)}${after.of(m)}`;
};

/** The part of every event's chained text that names its stream, up to the digits of its position. */
export const streamPart = (streamId: string): string => `,"streamId":${encodedString(streamId)},"streamPosition":"`;

let lastType: unknown;
let lastTypeText = '';

/**
 * `chainedText` of an event of data `data`, metadata text `metadata`
 * (`canonicalMetadata`) and type `type`, after the event whose hash is written
 * `previous` (`null`, or the hash as a JSON string), at the place `place`
 * says: `streamPart` of its stream, then the decimal digits of its position.
 */
export const batchChainedText = (event: { readonly data: object; readonly type: string }, metadata: string, previous: string, place: string): string => {
  if (event.type !== lastType) {
    // As chainedText writes a type: as a string, whatever it is.
    lastTypeText = encodedString(event.type);
    lastType = event.type;
  }
  return `{"data":${canonicalObject(event.data as Record<string, unknown>)},"metadata":${metadata},"previous":${previous}${place}","type":${lastTypeText}}`;
};
