/**
 * A read or a write outside the organizations a scoped store may touch
 * (docs/architecture.md, "Scoped stores"). Names the stream, the event when
 * its data names another organization, and the scope. Nothing was written.
 */
export class OutOfScopeError extends Error {
  override readonly name = 'OutOfScopeError';
  readonly code = 'OUT_OF_SCOPE';
  constructor(
    readonly streamId: string,
    /** What the store may touch: `organization v1`, `organizations t1, v9`, or `the organizations granted to role clerk`. */
    readonly scope: string,
    readonly operation: 'read' | 'write',
    /** The event whose data names an organization outside the scope, on a stream inside it. */
    readonly eventId?: string,
  ) {
    const what = eventId === undefined ? `stream ${streamId} is` : `stream ${streamId}, event ${eventId}: its organization is`;
    super(`${what} outside the scope of ${scope}: ${operation === 'write' ? 'nothing was written' : 'it cannot be read'}`);
  }
}

/** How a scope is named in its refusals. */
export const describeScope = (organizations: readonly string[]): string =>
  `${organizations.length === 1 ? 'organization' : 'organizations'} ${organizations.join(', ')}`;
