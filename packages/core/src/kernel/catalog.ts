import type * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../codecs/reporter.js';
import { unknownFields } from '../codecs/unknown-fields.js';
import { quoted } from './limits.js';
import type { DomainEvent, JsonObject } from './event.js';

/** Turns the data of schema version `n` into the data of version `n + 1`. */
export type Upcaster = (data: JsonObject) => JsonObject;

/**
 * One event type: its codec (wire JSON <-> typed data), its current schema
 * version, the upcasters from older versions, and how to find the
 * organization (village, township, district) it belongs to.
 */
export interface EventDefinition<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly codec: t.Type<Data, JsonObject>;
  readonly schemaVersion: number;
  /** `upcasters[n]` lifts version `n` to `n + 1`; the chain ends at `schemaVersion`. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
  readonly organizationOf: (data: Data) => string;
}

/** A typed event and its definition, as `defineEvent` returns it. */
export const defineEvent = <Type extends string, Data>(definition: EventDefinition<Type, Data>): EventDefinition<Type, Data> =>
  definition;

/**
 * The common case: a first schema version, and the organization named by the
 * data's `organizationId`, as every event's data names it (docs/architecture.md).
 */
export const defineOrganizationEvent = <Type extends string, Data extends { readonly organizationId: string }>(
  type: Type,
  codec: t.Type<Data, JsonObject>,
): EventDefinition<Type, Data> => defineEvent({ type, codec, schemaVersion: 1, organizationOf: (data) => data.organizationId });

/** An event's data that failed its codec, or an event type nobody defined. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';
  readonly code = 'INVALID_EVENT';
  constructor(
    readonly eventType: string,
    readonly problems: readonly string[],
  ) {
    super(problems.join('; '));
  }
}

type AnyDefinition = EventDefinition<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The registry of event types a store may hold. Decoding validates data with
 * the type's codec after upcasting it from the version it was written in, so
 * stored events are never rewritten and readers always see the current shape.
 */
export class EventCatalog<E extends DomainEvent = DomainEvent> {
  private readonly definitions: ReadonlyMap<string, AnyDefinition>;

  constructor(definitions: readonly AnyDefinition[]) {
    const byType = new Map<string, AnyDefinition>();
    for (const definition of definitions) {
      if (byType.has(definition.type)) throw new Error(`event type ${definition.type} is defined twice`);
      byType.set(definition.type, definition);
    }
    this.definitions = byType;
  }

  /** A catalog holding this one's definitions and more (domain modules combine this way). */
  extend<F extends DomainEvent>(definitions: readonly AnyDefinition[]): EventCatalog<E | F> {
    return new EventCatalog<E | F>([...this.definitions.values(), ...definitions]);
  }

  get types(): readonly string[] {
    return [...this.definitions.keys()].sort();
  }

  has(type: string): boolean {
    return this.definitions.has(type);
  }

  definition(type: string): AnyDefinition {
    const definition = this.definitions.get(type);
    if (definition === undefined) {
      throw new EventValidationError(type, [`type: unknown event type ${quoted(type)}`]);
    }
    return definition;
  }

  schemaVersionOf(type: string): number {
    return this.definition(type).schemaVersion;
  }

  /** Lift data written in `version` to the current schema version of its type. */
  upcast(type: string, data: JsonObject, version: number): JsonObject {
    const definition = this.definition(type);
    if (version > definition.schemaVersion) {
      throw new EventValidationError(type, [
        `metadata.schemaVersion: ${type} is known up to version ${definition.schemaVersion}, got ${version}`,
      ]);
    }
    let current = data;
    for (let v = version; v < definition.schemaVersion; v += 1) {
      const upcaster = definition.upcasters?.[v];
      if (upcaster === undefined) {
        throw new EventValidationError(type, [`metadata.schemaVersion: no upcaster for ${type} from version ${v}`]);
      }
      current = upcaster(current);
    }
    return current;
  }

  /**
   * Validate wire data (after upcasting) and return the typed event; errors
   * name `data.<field>`. `strict` also refuses a key the type's codec does not
   * know, at any depth, as import and verify do; replays read old events that
   * may hold such keys without it.
   */
  decode(type: string, data: unknown, version: number, strict = false): E {
    const definition = this.definition(type);
    const lifted = version === definition.schemaVersion ? data : this.upcast(type, data as JsonObject, version);
    const result = definition.codec.decode(lifted);
    const unknown = strict ? unknownFields(definition.codec, lifted, 'data') : [];
    if (isLeft(result) || unknown.length > 0) {
      const problems = [...(isLeft(result) ? formatValidationErrors(result.left, 'data') : []), ...unknown.map((issue) => `${issue.path}: ${issue.message}`)];
      throw new EventValidationError(type, problems);
    }
    return { type, data: result.right as unknown } as E;
  }

  /** The wire form of a typed event's data (money back to decimal strings). */
  encode(event: E): JsonObject {
    return this.definition(event.type).codec.encode(event.data);
  }

  /** The organization an event belongs to. */
  organizationOf(event: E): string {
    return this.definition(event.type).organizationOf(event.data);
  }
}
