import { coreCatalog } from '../catalog.js';
import { EventValidationError, type EventCatalog } from '../kernel/catalog.js';
import type { DomainEvent, EventMetadata, JsonObject } from '../kernel/event.js';
import { PersistentMap } from '../kernel/persistent-map.js';
import { quoted } from '../kernel/limits.js';
import { Chart } from '../domain/ledger/chart/index.js';
import type { LandRegister } from '../domain/land/register.js';
import type { WagesState } from '../domain/land/wages.js';
import { memberRegister, type VillageRegisterState } from '../domain/organization/member-register.js';
import type { OrganizationState } from '../domain/organization/state.js';
import type { ShareRegisterState } from '../domain/shares/share-register.js';
import type { AnySubLedger } from '../domain/ledger/sub-ledger.js';
import { subLedgers as coreSubLedgers } from '../domain/sub-ledgers.js';
import { chartRules } from './chart-rules.js';
import type { BooksFacts } from './decided.js';
import { LedgerRules } from './ledger-rules.js';
import { organizationRules } from './organization-rules.js';
import { broken, type BookProblem, type Severity } from './problem.js';
import { shareRegisterRules } from './share-register-rules.js';
import { householdIncomeRules, landRules } from './land-rules.js';
import { homeOf, STREAM_OF, streamNameOf, type StreamName } from './stream-names.js';

/** Where an event is: its stream and, as far as known, its position, its line in a file and its id. */
export interface EventPlace {
  readonly streamId: string;
  readonly streamPosition?: bigint;
  /** The store's global position (in a file store, the line). */
  readonly globalPosition?: bigint;
  readonly line?: number;
  readonly eventId?: string;
  readonly type?: string;
}

/** A broken rule (or a warning), where it was found. */
export interface Finding extends EventPlace {
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
}

/** An event to check, in its stored form: plain JSON data. */
export interface EventToCheck {
  readonly streamId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: Pick<EventMetadata, 'eventId' | 'occurredOn' | 'schemaVersion'> & { readonly commandId?: string | undefined };
}


/**
 * The rules of the books, checked event by event in the order the events were
 * recorded: the same rules the commands enforce (each event decided again
 * from the books as they stand), and what commands guarantee by construction
 * (an event on the stream of its village and year, a generated voucher that
 * posts what its register's events imply, a close that is the close of its
 * year's vouchers, nothing after a close). Import checks a ledger with it
 * before writing anything; `verify` checks a whole store.
 *
 * `known` folds an event already in the store without checking it, so a
 * ledger imported into a store that holds books is checked against them.
 */
export class BooksCheck {
  private readonly organizations = new Map<string, OrganizationState>();
  private readonly charts = new Map<string, Chart>();
  private readonly shareRegisters = new Map<string, ShareRegisterState>();
  private readonly landRegisters = new Map<string, LandRegister>();
  private readonly wages = new Map<string, WagesState>();
  private members: PersistentMap<string, VillageRegisterState> = PersistentMap.empty();
  private readonly ledger: LedgerRules<EventPlace>;
  private readonly facts: BooksFacts;
  private readonly quiet = new WeakSet<EventPlace>();

  constructor(
    private readonly catalog: EventCatalog = coreCatalog,
    subLedgers: readonly AnySubLedger[] = coreSubLedgers,
  ) {
    this.ledger = new LedgerRules<EventPlace>(subLedgers);
    this.facts = {
      kindOf: (id) => {
        const state = this.organizations.get(id);
        return state?.status === 'registered' ? state.organization.kind : undefined;
      },
      chartOf: (id) => this.charts.get(id) ?? Chart.standard(),
      membersOf: (id) => this.members.get(id),
      encode: (event) => this.catalog.encode(event),
    };
  }

  /** Fold an event the store already holds: it is not checked, and nothing is found on it. */
  known(event: EventToCheck): void {
    const place: EventPlace = { streamId: event.streamId };
    this.quiet.add(place);
    this.check(event, place);
  }

  /** Check one event and fold it in: what it breaks, and what an earlier event was found to break only now. */
  check(event: EventToCheck, place: EventPlace): Finding[] {
    const at: EventPlace = { ...place, eventId: event.metadata.eventId, type: event.type };
    if (this.quiet.has(place)) this.quiet.add(at);
    const found = this.checked(event, at);
    return found.filter((f) => !this.quiet.has(f.place)).map((f) => ({ ...f.place, ...f.problem }));
  }

  /** What only the end shows: operations whose voucher never came, gaps in voucher numbers (warnings). */
  finish(): Finding[] {
    const { late, warnings } = this.ledger.finish();
    return [
      ...late.filter((l) => !this.quiet.has(l.ref)).map((l) => ({ ...l.ref, ...l.problem })),
      ...warnings.map((w) => ({ streamId: `ledger-${w.village}-${w.year}`, ...w.problem })),
    ];
  }

  private checked(recorded: EventToCheck, at: EventPlace): { readonly place: EventPlace; readonly problem: BookProblem }[] {
    const here = (problems: readonly BookProblem[]) => problems.map((problem) => ({ place: at, problem }));
    const decoded = this.decode(recorded);
    if (!('event' in decoded)) return here([decoded.problem]);
    const { event } = decoded;
    const name = streamNameOf(recorded.streamId);
    const home = homeOf.get(event.type);
    if (home === undefined) return []; // an event type of an extension: its rules are not the core's
    if (name?.category !== home) return here([broken('STREAM_EVENT_TYPE', `a ${event.type} belongs on a stream ${STREAM_OF[home]}, not ${recorded.streamId}`)]);
    const owner = this.catalog.organizationOf(event);
    if (owner !== name.organizationId) return here([broken('STREAM_ORGANIZATION', `a ${event.type} of ${owner} on the stream of ${name.organizationId}`)]);
    return this.onStream(name, recorded, event, at);
  }

  private onStream(name: StreamName, recorded: EventToCheck, event: DomainEvent, at: EventPlace): { readonly place: EventPlace; readonly problem: BookProblem }[] {
    const here = (problems: readonly BookProblem[]) => problems.map((problem) => ({ place: at, problem }));
    switch (name.category) {
      case 'organization':
        return here(this.organizationEvent(name.organizationId, event, recorded.metadata.occurredOn));
      case 'chart': {
        const chart = this.charts.get(name.organizationId) ?? chartRules.initial();
        const problems = chartRules.check(chart, event, this.facts);
        this.charts.set(name.organizationId, chartRules.evolve(chart, event));
        return here(problems);
      }
      case 'shares': {
        const register = this.shareRegisters.get(name.organizationId) ?? shareRegisterRules.initial();
        const problems = shareRegisterRules.check(register, event, this.facts);
        this.shareRegisters.set(name.organizationId, shareRegisterRules.evolve(register, event));
        return here(problems);
      }
      case 'land':
      case 'household-income':
        return here(this.landEvent(name, recorded.streamId, event));
      case 'ledger': {
        const entry = { village: name.organizationId, year: name.year ?? 0, event, occurredOn: recorded.metadata.occurredOn, commandId: recorded.metadata.commandId, ref: at };
        const { problems, late } = this.ledger.check(entry, this.facts);
        return [...late.map((l) => ({ place: l.ref, problem: l.problem })), ...here(problems)];
      }
    }
  }

  /** A land-register event (on `land-<village>`) or wages (on `household-income-<village>-<year>`), checked on its stream's state. */
  private landEvent(name: StreamName, streamId: string, event: DomainEvent): BookProblem[] {
    if (name.category === 'land') {
      const register = this.landRegisters.get(name.organizationId) ?? landRules.initial();
      this.landRegisters.set(name.organizationId, landRules.evolve(register, event));
      return landRules.check(register, event, this.facts);
    }
    const state = this.wages.get(streamId) ?? householdIncomeRules.initial();
    this.wages.set(streamId, householdIncomeRules.evolve(state, event));
    return householdIncomeRules.check(state, event, this.facts, name.year ?? 0);
  }

  private organizationEvent(organizationId: string, event: DomainEvent, occurredOn: string): BookProblem[] {
    const state = this.organizations.get(organizationId) ?? organizationRules.initial();
    const problems = organizationRules.check(state, event, this.facts);
    this.organizations.set(organizationId, organizationRules.evolve(state, event));
    const metadata = { occurredOn } as EventMetadata; // the member register reads only the business date
    this.members = memberRegister.apply(this.members, { streamId: `organization-${organizationId}`, streamPosition: 0n, globalPosition: 0n, event, metadata });
    return problems;
  }

  private decode(recorded: EventToCheck): { readonly event: DomainEvent } | { readonly problem: BookProblem } {
    if (!this.catalog.has(recorded.type)) return { problem: broken('EVENT_INVALID', `unknown event type ${quoted(recorded.type)}`) };
    try {
      return { event: this.catalog.decode(recorded.type, recorded.data, recorded.metadata.schemaVersion, true) };
    } catch (error) {
      if (error instanceof EventValidationError) return { problem: broken('EVENT_INVALID', error.problems.join('; ')) };
      throw error;
    }
  }
}
