import type { OrganizationKind, OrganizationRegistered } from '../../domain/organization/events.js';
import { isShareRegisterEvent } from '../../domain/shares/events.js';
import type { EventCatalog } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import type { Projection } from '../../kernel/projection.js';
import { ReportOptionError } from './definition.js';
import { firstEventAfter, notOfKind, notRegistered, registeredAfter, type ScopeKind } from './refusals.js';

/** Where an organization begins: its registration, or (an organization only events name) its first event. */
export interface OrganizationStart {
  /** As registered; `undefined` when no registration names it. */
  readonly kind: OrganizationKind | undefined;
  /** The business date of its registration, else of its first event. */
  readonly since: string;
}

/** When each organization and each village's share register begin on the ledger, whatever date a report is as of. */
export interface LedgerStarts {
  readonly organizations: Map<string, OrganizationStart>;
  /** The business date of a village's first share register event, by village. */
  readonly shareRegisters: Map<string, string>;
}

/** An organization's registration, to know its kind and when it begins. */
export const isRegistration = (event: DomainEvent): event is OrganizationRegistered => event.type === 'OrganizationRegistered';

const earlier = (a: string | undefined, b: string): string => (a === undefined || b < a ? b : a);

/** The starts of everything a report may be asked about, over every event; only read to explain a refusal. */
export const ledgerStartsProjection = (catalog: EventCatalog): Projection<LedgerStarts> => ({
  name: 'ledger-starts',
  init: () => ({ organizations: new Map(), shareRegisters: new Map() }),
  // The state is created by init() for this run only, so filling it in place is safe.
  apply: (starts, { event, metadata: { occurredOn } }) => {
    const id = catalog.organizationOf(event);
    const known = starts.organizations.get(id);
    if (isRegistration(event) && known?.kind === undefined) starts.organizations.set(id, { kind: event.data.kind, since: occurredOn });
    else if (known === undefined) starts.organizations.set(id, { kind: undefined, since: occurredOn });
    else if (known.kind === undefined) starts.organizations.set(id, { kind: undefined, since: earlier(known.since, occurredOn) });
    if (isShareRegisterEvent(event)) starts.shareRegisters.set(event.data.organizationId, earlier(starts.shareRegisters.get(event.data.organizationId), occurredOn));
    return starts;
  },
});

/**
 * A refusal of what the books do not hold on the report's date. Its message
 * holds as it is; `explain`, given the whole ledger, may say more: that the
 * village exists but is registered later, or when its register starts.
 */
export class NotOnTheBooksError extends ReportOptionError {
  constructor(
    message: string,
    readonly explain: (starts: LedgerStarts, date: string) => string | undefined,
  ) {
    super(message);
  }
}

/** The refusal of a village or township the organizations at the report's date do not hold as such; `found` is the kind they hold it as. */
export const scopeRefusal = (kind: ScopeKind, id: string, found: string | undefined): NotOnTheBooksError =>
  new NotOnTheBooksError(found === undefined ? notRegistered(kind, id) : notOfKind(kind, id, found), (starts, date) => {
    const start = starts.organizations.get(id);
    if (start === undefined) return notRegistered(kind, id);
    if (start.kind !== undefined && start.kind !== kind) return notOfKind(kind, id, start.kind);
    if (start.since <= date) return undefined;
    return start.kind === undefined ? firstEventAfter(kind, id, start.since, date) : registeredAfter(kind, id, start.since, date);
  });
