import type { RecordedEvent } from '../kernel/event.js';
import type { LedgerEntry, LedgerProblem, LedgerRules } from '../kernel/ndjson/index.js';
import { describeScope } from './errors.js';
import { organizationLayout, type ScopeLayout } from './layout.js';
import type { OrganizationScope } from './scoped-store.js';

const MAX_DEPTH = 16;
const NO_RULES: LedgerRules = { known: () => undefined, check: () => [], finish: () => [] };

/**
 * An import kept to a scope (`collective-ledger import --village`), as
 * `importLedger`'s `rules`, checked with `inner` (the books rules): every
 * line must be on a stream of the scope and name an organization of it, or
 * be the registration of an organization above it (a village's township
 * and district, which its export carries). A line outside is a problem of
 * its line naming the stream and the organization; nothing is written.
 * Parents are read from the store's registrations and the file's own.
 */
export const scopeRules = (scope: OrganizationScope, inner: LedgerRules = NO_RULES): LedgerRules => {
  const layout: ScopeLayout = scope.layout ?? organizationLayout;
  const roots = new Set(scope.organizations);
  const description = describeScope(scope.organizations);
  const parents = new Map<string, string | undefined>();
  /** Registration lines of organizations outside the scope: allowed at the end if they are above it. */
  const above: { readonly lineNumber: number; readonly streamId: string; readonly organizationId: string }[] = [];

  const note = (streamId: string, event: RecordedEvent | LedgerEntry['event']): void => {
    const registration = layout.registrationOf(event);
    if (registration !== undefined && layout.registrationStream(registration.organizationId) === streamId && !parents.has(registration.organizationId)) {
      parents.set(registration.organizationId, registration.parentId);
    }
  };
  const covers = (organizationId: string): boolean => {
    let current: string | undefined = organizationId;
    for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth += 1) {
      if (roots.has(current)) return true;
      current = parents.get(current);
    }
    return false;
  };
  const isAbove = (organizationId: string): boolean =>
    [...roots].some((root) => {
      let current = parents.get(root);
      for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth += 1, current = parents.get(current)) if (current === organizationId) return true;
      return false;
    });
  const outside = (lineNumber: number, streamId: string, what: string): LedgerProblem => ({
    lineNumber,
    path: streamId,
    reason: `OUT_OF_SCOPE: ${what}, outside the scope of ${description}`,
  });

  return {
    known: (event) => {
      note(event.streamId, event);
      inner.known(event);
    },
    check: (entry) => {
      note(entry.streamId, entry.event);
      const own = inner.check(entry);
      const organization = layout.organizationOfStream(entry.streamId);
      if (organization === undefined) return [...own, outside(entry.lineNumber, entry.streamId, 'the stream belongs to no organization')];
      if (!covers(organization)) {
        if (layout.registrationStream(organization) === entry.streamId && layout.registrationOf(entry.event) !== undefined) {
          above.push({ lineNumber: entry.lineNumber, streamId: entry.streamId, organizationId: organization });
          return own;
        }
        return [...own, outside(entry.lineNumber, entry.streamId, `the stream belongs to organization ${organization}`)];
      }
      const named = layout.organizationOfEvent(entry.event);
      if (named !== undefined && !covers(named)) return [...own, outside(entry.lineNumber, entry.streamId, `the event names organization ${named}`)];
      return own;
    },
    finish: () => [
      ...inner.finish(),
      ...above
        .filter((line) => !isAbove(line.organizationId))
        .map((line) => outside(line.lineNumber, line.streamId, `the stream belongs to organization ${line.organizationId}`)),
    ],
  };
};
