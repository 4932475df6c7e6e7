import type * as t from 'io-ts';
import { left, type Either } from 'fp-ts/lib/Either.js';
import { commandDigest } from './command-digest.js';
import { runDecision, type CommandContext, type CommandIdReused, type CommandResult } from './command-handler.js';
import type { Decider, DomainError } from './decider.js';
import { isIsoDate } from '../codecs/primitives.js';
import type { DomainEvent } from './event.js';
import type { FactReader } from './fact-reader.js';
import { validateInput, type InvalidInput } from './validate.js';

/** Plain JSON as a caller may hold it: arrays and objects may be readonly (`as const` data). */
export type ReadonlyInput<T> = T extends readonly (infer U)[] ? readonly ReadonlyInput<U>[] : T extends object ? { readonly [K in keyof T]: ReadonlyInput<T[K]> } : T;

/** A request whose business date comes from its input (a voucher's date, an asset's acquisition). */
export interface CommandRequest<Input> {
  /** Plain JSON: money as decimal strings, ids and dates as strings. Unknown keys are refused. */
  readonly input: ReadonlyInput<Input>;
  /** Unique per request: the same id with the same input returns the first result; with another, it is refused. */
  readonly commandId: string;
  readonly actor: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** A request whose business date the caller states (a registration). */
export interface DatedCommandRequest<Input> extends CommandRequest<Input> {
  /** Business date, `YYYY-MM-DD`. */
  readonly occurredOn: string;
}

/** Where a command's business date comes from: a date of its valid input, or the request. */
export type BusinessDate<A> = ((input: A) => string) | 'request';

type RequestOf<O, D> = D extends 'request' ? DatedCommandRequest<O> : CommandRequest<O>;

/**
 * A command, declared: its input codec, the stream it decides on, its
 * business date, the facts it reads from other streams, and the decision.
 * The kernel does the rest (`defineCommand`).
 */
export interface CommandDefinition<A, O, F, C, E extends DomainEvent, S, Err extends DomainError, D extends BusinessDate<A>> {
  /** The command's name: part of its fingerprint. */
  readonly name: string;
  /** The input's codec: the plain-JSON input is `t.OutputOf` of it. */
  readonly input: t.Type<A, O>;
  /** A refusal the valid input alone earns (or the input and the context: a key store missing), before anything is read. */
  readonly check?: (input: A, context: CommandContext) => Err | undefined;
  readonly stream: (input: A) => string;
  readonly occurredOn: D;
  /** What the decision reads from other streams; read again on every attempt. */
  readonly facts: (input: A, reader: FactReader, occurredOn: string, context: CommandContext) => Promise<F>;
  /** The stream's decider, which may open from the facts (a ledger year opens from the last close). */
  readonly decider: (facts: F) => Decider<C, E, S, Err>;
  /** The command the decider sees: the valid input with its facts. */
  readonly command: (input: A, facts: F, occurredOn: string) => C;
  /**
   * What the fingerprint covers, when not the whole input: personal fields
   * are left out, so that the digest stamped on the events cannot be used to
   * guess them once they are erased.
   */
  readonly fingerprint?: (input: A) => unknown;
  /** The decided events as they are appended: personal fields sealed with the context's key store. */
  readonly seal?: (events: readonly E[], context: CommandContext) => Promise<readonly E[]>;
  /**
   * The command completed from the stream's folded state with the context,
   * before it is decided: what the pure decider cannot learn itself (a
   * sealed ID number opened with the key store), without folding the stream
   * a second time as a fact.
   */
  readonly complete?: (command: C, state: S, context: CommandContext) => Promise<C>;
}

export type CommandOutcome<E extends DomainEvent, Err> = Either<Err | InvalidInput | CommandIdReused, CommandResult<E>>;

/** A declared command, ready to call: `(context, { input, commandId, actor })`. */
export type DeclaredCommand<O, E extends DomainEvent, Err, R = CommandRequest<O>> = (
  context: CommandContext,
  request: R,
) => Promise<CommandOutcome<E, Err>>;

const businessDate = <A>(date: BusinessDate<A>, input: A, request: { readonly occurredOn?: string }): string =>
  date === 'request' ? (request.occurredOn ?? '') : date(input);

/**
 * Define a command once; the kernel validates the input (strictly: unknown
 * keys refused), runs `check`, fingerprints the request for idempotency,
 * reads the facts, folds the stream, decides, stamps the metadata and
 * appends, retrying a concurrency conflict with backoff and jitter.
 */
export const defineCommand =
  <A, O, F, C, E extends DomainEvent, S, Err extends DomainError, D extends BusinessDate<A>>(
    definition: CommandDefinition<A, O, F, C, E, S, Err, D>,
  ): DeclaredCommand<O, E, Err, RequestOf<O, D>> =>
  async (context, request) => {
    const valid = validateInput(definition.input, request.input);
    if (valid._tag === 'Left') return valid;
    const input = valid.right;
    const refused = definition.check?.(input, context);
    if (refused !== undefined) return left(refused);
    const occurredOn = businessDate(definition.occurredOn, input, request as { readonly occurredOn?: string });
    if (!isIsoDate(occurredOn)) {
      const problem = `occurredOn: expected a date YYYY-MM-DD, got ${JSON.stringify(occurredOn)}`;
      return left({ code: 'INVALID_INPUT', message: problem, problems: [problem] } satisfies InvalidInput);
    }
    const fingerprinted = definition.fingerprint === undefined ? definition.input.encode(input) : definition.fingerprint(input);
    const digest = await commandDigest(definition.name, occurredOn, fingerprinted);
    const { input: _raw, ...ids } = request as CommandRequest<O> & { readonly occurredOn?: string };
    const envelope = { ...ids, occurredOn, digest };
    return runDecision(context as CommandContext<E>, definition.stream(input), envelope, async (reader) => {
      const facts = await definition.facts(input, reader, occurredOn, context);
      const { seal, complete } = definition;
      const sealing = seal === undefined ? {} : { seal: (events: readonly E[]) => seal(events, context) };
      const completing = complete === undefined ? {} : { complete: (command: C, state: S) => complete(command, state, context) };
      return { decider: definition.decider(facts), command: definition.command(input, facts, occurredOn), ...sealing, ...completing };
    });
  };

/** Facts for a command that reads none. */
export const noFacts = (): Promise<undefined> => Promise.resolve(undefined);
