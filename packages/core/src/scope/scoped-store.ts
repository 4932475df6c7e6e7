import { assertValidAppend } from '../kernel/envelope.js';
import { StoreClosedError } from '../kernel/errors.js';
import type { NewEvent, RecordedEvent } from '../kernel/event.js';
import { checkedCommandId, readAllInBatches, streamReadOf, supportsBulkImport } from '../kernel/store.js';
import { AppendSignal } from '../kernel/append-signal.js';
import { supportsNotifications, type NotifyingStore, type WaitForEventsOptions } from '../kernel/subscription.js';
import type {
  AppendOptions,
  AppendResult,
  BatchReadingStore,
  BulkImportingStore,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StreamWrite,
} from '../kernel/store.js';
import { describeScope, OutOfScopeError } from './errors.js';
import { organizationLayout, type Registration, type ScopeLayout } from './layout.js';
import { ScopeTree } from './tree.js';

/** The organizations a store may touch: each one given and every organization registered below it. */
export interface OrganizationScope {
  /** A village; a township (its villages with it); a district (everything in it). */
  readonly organizations: readonly string[];
  /** How streams and events name their organization (default: the domain's, `organizationLayout`). */
  readonly layout?: ScopeLayout;
}

const checkedOrganizations = (scope: OrganizationScope): readonly string[] => {
  const ids: unknown = (scope as Partial<OrganizationScope> | undefined)?.organizations;
  if (Array.isArray(ids) && ids.length > 0 && ids.every((id) => typeof id === 'string' && id !== '')) return ids as string[];
  throw new TypeError(`scope.organizations: expected one or more organization ids, got ${JSON.stringify(ids)}`);
};

/**
 * An event store that reads and writes only the streams of its scope
 * (docs/architecture.md, "Scoped stores"), on top of any store. It may also
 * read the registration streams of the organizations above its roots (a
 * village's township and district), and write none of them. A read or write
 * of any other stream, or an event whose data names an organization outside
 * the scope, is refused with `OutOfScopeError` before the store below is
 * asked; `readAll` and `readCommand` leave other organizations' events out.
 */
export class ScopedEventStore implements BatchReadingStore, NotifyingStore {
  protected readonly layout: ScopeLayout;
  protected readonly tree: ScopeTree;
  /** How refusals name the scope. */
  readonly description: string;
  readonly organizations: readonly string[];
  private closed = false;
  /** The last position of the store below that a read of this one has passed, in scope or not. */
  private passed = 0n;

  constructor(
    protected readonly inner: EventStore,
    scope: OrganizationScope,
  ) {
    this.organizations = checkedOrganizations(scope);
    this.layout = scope.layout ?? organizationLayout;
    this.tree = new ScopeTree(inner, this.layout, this.organizations);
    this.description = describeScope(this.organizations);
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    assertValidAppend(streamId, events);
    const pending = this.registrationsIn(streamId, events, new Map());
    await this.assertWritable(streamId, events, pending);
    const result = await this.inner.append(streamId, events, options);
    for (const registration of pending.values()) this.tree.learn(registration);
    return result;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    streamReadOf(options);
    const verdict = await this.streamVerdict(streamId);
    if (verdict === 'refused') throw new OutOfScopeError(streamId, this.description, 'read');
    // A command registering an organization in the scope reads its stream first: empty, as it is until then.
    if (verdict === 'read') yield* this.inner.readStream(streamId, options);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    for await (const batch of this.readAllBatches(options)) yield* batch;
  }

  /** The store's `readAll` in batches, each without the events outside the scope (so batches may be smaller). */
  async *readAllBatches(options: ReadAllOptions & { readonly batchSize?: number } = {}): AsyncIterable<readonly RecordedEvent[]> {
    this.assertOpen();
    const verdicts = new Map<string, boolean>();
    for await (const batch of readAllInBatches(this.inner, options)) {
      const kept: RecordedEvent[] = [];
      for (const event of batch) {
        this.noteRegistration(event);
        if (await this.readableOnce(event.streamId, verdicts)) kept.push(event);
      }
      const last = batch.at(-1)?.globalPosition ?? 0n;
      if (last > this.passed) this.passed = last;
      if (kept.length > 0) yield kept;
      this.assertOpen();
    }
  }

  async readCommand(commandId: string): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const events = await this.inner.readCommand(checkedCommandId(commandId));
    const verdicts = new Map<string, boolean>();
    const kept: RecordedEvent[] = [];
    for (const event of events) if (await this.readableOnce(event.streamId, verdicts)) kept.push(event);
    return kept;
  }

  /**
   * Wakes when the store below may hold events after `after` and after what
   * reads of this store have already passed, so events outside the scope do
   * not wake a follower again and again.
   */
  waitForEvents(after: bigint, options: WaitForEventsOptions = {}): Promise<void> {
    this.assertOpen();
    const from = after > this.passed ? after : this.passed;
    if (supportsNotifications(this.inner)) return this.inner.waitForEvents(from, options);
    return new AppendSignal().next(options);
  }

  close(): Promise<void> {
    this.closed = true;
    return this.inner.close();
  }

  /** Refuse a write to a stream outside the scope, or of an event naming an organization outside it. */
  protected async assertWritable(streamId: string, events: readonly NewEvent[], pending: ReadonlyMap<string, Registration>): Promise<void> {
    const organization = this.layout.organizationOfStream(streamId);
    if (organization === undefined || !(await this.tree.covers(organization, pending))) {
      throw new OutOfScopeError(streamId, this.description, 'write');
    }
    for (const event of events) {
      const named = this.layout.organizationOfEvent(event);
      if (named !== undefined && named !== organization && !(await this.tree.covers(named, pending))) {
        throw new OutOfScopeError(streamId, this.description, 'write', event.metadata.eventId);
      }
    }
  }

  /** Registrations written to their own organization's stream, added to `into`. */
  protected registrationsIn(streamId: string, events: readonly NewEvent[], into: Map<string, Registration>): Map<string, Registration> {
    for (const event of events) {
      const registration = this.layout.registrationOf(event);
      if (registration !== undefined && this.layout.registrationStream(registration.organizationId) === streamId && !into.has(registration.organizationId)) {
        into.set(registration.organizationId, registration);
      }
    }
    return into;
  }

  protected assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }

  private noteRegistration(event: RecordedEvent): void {
    const registration = this.layout.registrationOf(event);
    if (registration !== undefined && this.layout.registrationStream(registration.organizationId) === event.streamId) this.tree.learn(registration);
  }

  private async readableOnce(streamId: string, verdicts: Map<string, boolean>): Promise<boolean> {
    const known = verdicts.get(streamId);
    if (known !== undefined) return known;
    const verdict = await this.readable(streamId);
    verdicts.set(streamId, verdict);
    return verdict;
  }

  /** `read`: a stream `readable` allows; `empty`: the registration stream of an organization not registered yet; else `refused`. */
  private async streamVerdict(streamId: string): Promise<'read' | 'empty' | 'refused'> {
    if (await this.readable(streamId)) return 'read';
    const organization = this.layout.organizationOfStream(streamId);
    if (organization === undefined || this.layout.registrationStream(organization) !== streamId) return 'refused';
    return (await this.tree.isRegistered(organization)) ? 'refused' : 'empty';
  }

  /** A stream of the scope, or the registration stream of an organization above it. */
  private async readable(streamId: string): Promise<boolean> {
    const organization = this.layout.organizationOfStream(streamId);
    if (organization === undefined) return false;
    if (await this.tree.covers(organization)) return true;
    return this.layout.registrationStream(organization) === streamId && this.tree.isAbove(organization);
  }
}

/**
 * A scoped store over a store that imports all or nothing: the import is
 * checked write by write, and refused whole. It reads the store's
 * registrations once first (a pass over `readAll`), as the store is held by
 * the import until it ends.
 */
export class ScopedBulkImportingStore extends ScopedEventStore implements BulkImportingStore {
  constructor(
    private readonly bulk: BulkImportingStore,
    scope: OrganizationScope,
  ) {
    super(bulk, scope);
  }

  async importAll(writes: AsyncIterable<StreamWrite>): Promise<{ readonly events: bigint }> {
    this.assertOpen();
    const pending = new Map<string, Registration>();
    const checked = async function* (this: ScopedBulkImportingStore): AsyncIterable<StreamWrite> {
      for await (const write of writes) {
        assertValidAppend(write.streamId, write.events);
        this.registrationsIn(write.streamId, write.events, pending);
        await this.assertWritable(write.streamId, write.events, pending);
        yield write;
      }
    }.call(this);
    const result = await this.tree.withEveryRegistration(() => this.bulk.importAll(checked));
    for (const registration of pending.values()) this.tree.learn(registration);
    return result;
  }
}

/**
 * `store` seen through `scope`: it reads and writes only the scope's streams
 * (`ScopedEventStore`), and imports all or nothing when `store` does.
 */
export function scopedStore(store: BulkImportingStore, scope: OrganizationScope): ScopedBulkImportingStore;
export function scopedStore(store: EventStore, scope: OrganizationScope): ScopedEventStore;
export function scopedStore(store: EventStore, scope: OrganizationScope): ScopedEventStore {
  return supportsBulkImport(store) ? new ScopedBulkImportingStore(store, scope) : new ScopedEventStore(store, scope);
}
