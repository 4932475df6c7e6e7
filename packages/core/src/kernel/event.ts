/** Plain JSON: what a store keeps. Money, areas and rates are decimal strings in it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Metadata every stored event carries (docs/architecture.md).
 * `occurredOn` is the business date (YYYY-MM-DD) that decides the fiscal period;
 * `recordedAt` is the moment the store accepted it (ISO 8601, UTC).
 */
export interface EventMetadata {
  readonly eventId: string;
  readonly occurredOn: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** The fingerprint of the command that wrote the event (`sha256:…`): the same command id with other content is refused. */
  readonly commandDigest?: string;
  readonly schemaVersion: number;
  /**
   * The chain hash (`sha256:…`, kernel/chain.ts): over the event and the hash of
   * the one before it in its stream. Stamped by every store; absent only on
   * events stored before hashes existed (docs/tamper-evidence.md).
   */
  readonly hash?: string;
}

/**
 * Metadata of an event about to be appended: the store stamps `recordedAt`
 * unless given (imports keep it) and always computes `hash`; a given hash (an
 * import of an exported ledger) must be the one it computes.
 */
export type NewEventMetadata = Omit<EventMetadata, 'recordedAt'> & { readonly recordedAt?: string };

/** A domain event before it is stored: a past-tense type and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** An event ready to append: wire-form data (plain JSON) plus metadata. */
export interface NewEvent {
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: NewEventMetadata;
}

/** An event as a store returns it. Positions are bigints; stream positions start at 0. */
export interface RecordedEvent {
  readonly streamId: string;
  readonly streamPosition: bigint;
  readonly globalPosition: bigint;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
}

/** A recorded event whose data has been validated and upcast to the current schema. */
export interface DecodedEvent<E extends DomainEvent = DomainEvent> {
  readonly streamId: string;
  readonly streamPosition: bigint;
  readonly globalPosition: bigint;
  readonly event: E;
  readonly metadata: EventMetadata;
}
