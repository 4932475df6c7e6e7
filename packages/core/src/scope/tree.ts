import { readAllInBatches, type EventStore } from '../kernel/store.js';
import type { Registration, ScopeLayout } from './layout.js';

/** Districts, townships, villages: never more than a few levels; a longer chain is a loop. */
const MAX_DEPTH = 16;

/**
 * Which organizations a scope covers: its roots and every organization
 * registered below them. Parents are read from the registrations (the first
 * event of each organization's stream), a stream read each, and kept: an
 * organization's parent never changes. An organization not registered yet is
 * not kept, so one registered later inside the scope is found then.
 */
export class ScopeTree {
  private readonly parents = new Map<string, string | undefined>();
  private readonly roots: ReadonlySet<string>;
  /** While set, every registration of the store is known: one not kept is not registered, and nothing is read. */
  private complete = 0;

  constructor(
    private readonly store: EventStore,
    private readonly layout: ScopeLayout,
    roots: readonly string[],
  ) {
    this.roots = new Set(roots);
  }

  /** A registration the store holds (seen while reading, or just written). */
  learn(registration: Registration): void {
    if (!this.parents.has(registration.organizationId)) this.parents.set(registration.organizationId, registration.parentId);
  }

  /** Whether `organizationId` is a root or below one; `pending` holds registrations being written now. */
  async covers(organizationId: string, pending: ReadonlyMap<string, Registration> = new Map()): Promise<boolean> {
    let current: string | undefined = organizationId;
    for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth += 1) {
      if (this.roots.has(current)) return true;
      current = await this.parentOf(current, pending);
    }
    return false;
  }

  /** Whether `organizationId` is above a root (a township or district of a village in the scope). */
  async isAbove(organizationId: string): Promise<boolean> {
    for (const root of this.roots) {
      let current = await this.parentOf(root, new Map());
      for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth += 1) {
        if (current === organizationId) return true;
        current = await this.parentOf(current, new Map());
      }
    }
    return false;
  }

  /** Whether the store holds the organization's registration (or `pending` does). */
  async isRegistered(organizationId: string, pending: ReadonlyMap<string, Registration> = new Map()): Promise<boolean> {
    if (this.parents.has(organizationId) || pending.has(organizationId)) return true;
    return this.complete === 0 && (await this.read(organizationId)) !== undefined;
  }

  /**
   * Run `work` knowing every registration the store holds, read in one pass
   * first: for an import, which holds the store (on PGlite, its one
   * connection) until it ends, so no stream can be read meanwhile.
   */
  async withEveryRegistration<T>(work: () => Promise<T>): Promise<T> {
    for await (const batch of readAllInBatches(this.store)) {
      for (const event of batch) {
        const registration = this.layout.registrationOf(event);
        if (registration !== undefined && this.layout.registrationStream(registration.organizationId) === event.streamId) this.learn(registration);
      }
    }
    this.complete += 1;
    try {
      return await work();
    } finally {
      this.complete -= 1;
    }
  }

  private async parentOf(organizationId: string, pending: ReadonlyMap<string, Registration>): Promise<string | undefined> {
    if (this.parents.has(organizationId)) return this.parents.get(organizationId);
    const registration = pending.get(organizationId) ?? (this.complete > 0 ? undefined : await this.read(organizationId));
    return registration?.parentId;
  }

  private async read(organizationId: string): Promise<Registration | undefined> {
    for await (const event of this.store.readStream(this.layout.registrationStream(organizationId), { maxCount: 1 })) {
      const registration = this.layout.registrationOf(event);
      if (registration?.organizationId === organizationId) {
        this.learn(registration);
        return registration;
      }
    }
    return undefined;
  }
}
