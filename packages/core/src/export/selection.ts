import { instantOf, isEarlier, type Instant } from '../codecs/instant.js';
import { isIsoDate } from '../codecs/primitives.js';
import { householdIncomeStreamYear } from '../domain/land/events.js';
import { ledgerStreamYear } from '../domain/ledger/events.js';
import type { EventCatalog } from '../kernel/catalog.js';
import { decodeRecordedEvent } from '../kernel/decode.js';
import type { RecordedEvent } from '../kernel/event.js';
import type { EventStore } from '../kernel/store.js';
import { SelectionError } from './selection-error.js';
import { ancestorsOfVillage } from './village-line.js';

/**
 * Which events of a store an export keeps; every option given must hold
 * (docs/cli.md, `export`). Each keeps what the events it selects stand on, so
 * that the selection imports into an empty store and reports the same figures
 * for what it covers.
 */
export interface LedgerSelection {
  /** The village's own events (as the catalog names their organization) and the registrations of its township and district. */
  readonly village?: string;
  /** Fiscal years up to this one: `ledger-<village>-<year>` and `household-income-<village>-<year>` streams of later years are left out; other streams are kept. */
  readonly year?: number;
  /** Only events whose business date (`occurredOn`) is on or before this `YYYY-MM-DD`. */
  readonly asOf?: string;
  /** Only events the store recorded strictly before this moment (`recordedAt`). */
  readonly recordedBefore?: string;
  /** Only events at or before this global position. */
  readonly toPosition?: bigint;
}

const shown = (value: unknown): string => (typeof value === 'bigint' ? `${value}n` : JSON.stringify(value));

/** Each option: whether a value is of the right form, and what the form is. */
const FORMS: readonly (readonly [keyof LedgerSelection, string, (value: unknown) => boolean])[] = [
  ['village', 'an organization id', (v) => typeof v === 'string' && v !== ''],
  ['year', 'a year like 2023', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 9999],
  ['asOf', 'a date YYYY-MM-DD', (v) => typeof v === 'string' && isIsoDate(v)],
  ['recordedBefore', 'a timestamp YYYY-MM-DDTHH:mm:ss[.sss] with a zone (Z or +08:00)', (v) => typeof v === 'string' && instantOf(v) !== undefined],
  ['toPosition', 'a global position, a bigint 0 or more', (v) => typeof v === 'bigint' && v >= 0n],
];

/** `asOf` → `--as-of`. */
const flag = (name: string): string => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Refuse a selection option of the wrong form, naming it as the command line spells it. Throws `SelectionError`. */
export const checkLedgerSelection = (selection: LedgerSelection): void => {
  const given = selection as Readonly<Record<string, unknown>>;
  for (const [name, form, valid] of FORMS) {
    const value = given[name];
    if (value !== undefined && !valid(value)) throw new SelectionError(`${flag(name)}: expected ${form}, got ${shown(value)}`);
  }
};

type Keep = (recorded: RecordedEvent) => boolean;

const recordedBefore = (limit: Instant): Keep => (recorded) => {
  const at = instantOf(recorded.metadata.recordedAt);
  return at !== undefined && isEarlier(at, limit);
};

/** The village's events, and the registrations of the organizations above it (decoded, to read their organization). */
const ofVillage = (catalog: EventCatalog, village: string, ancestors: ReadonlySet<string>): Keep => (recorded) => {
  const organization = catalog.organizationOf(decodeRecordedEvent(catalog, recorded).event);
  return organization === village || (recorded.type === 'OrganizationRegistered' && ancestors.has(organization));
};

/** The tests each kept event passes, cheapest first. */
const testsOf = async (store: EventStore, catalog: EventCatalog, selection: LedgerSelection): Promise<Keep[]> => {
  const { year, asOf, village } = selection;
  const limit = selection.recordedBefore === undefined ? undefined : instantOf(selection.recordedBefore);
  const tests: Keep[] = [];
  if (asOf !== undefined) tests.push((recorded) => recorded.metadata.occurredOn <= asOf);
  if (year !== undefined) tests.push((recorded) => (ledgerStreamYear(recorded.streamId) ?? householdIncomeStreamYear(recorded.streamId) ?? year) <= year);
  if (limit !== undefined) tests.push(recordedBefore(limit));
  if (village !== undefined) tests.push(ofVillage(catalog, village, new Set(await ancestorsOfVillage(store, catalog, village))));
  return tests;
};

/** An event without its chain hash: the one before it in its stream was left out, so the hash would not recompute. */
const unhashed = ({ metadata: { hash: _hash, ...metadata }, ...event }: RecordedEvent): RecordedEvent => ({ ...event, metadata });

/**
 * The events of `store` a selection keeps, in global order: what `export`
 * writes. The options are checked, and a village looked up, before the log is
 * read; reading stops after `toPosition`. A stream kept whole or up to some
 * event keeps its chain hashes; once an event of a stream is left out (an
 * `asOf` before a back-dated event, say), the events of that stream kept after
 * it go without their hashes, which the store they are imported into stamps
 * anew (docs/tamper-evidence.md).
 */
export async function* selectEvents(store: EventStore, catalog: EventCatalog, selection: LedgerSelection): AsyncIterable<RecordedEvent> {
  checkLedgerSelection(selection);
  const tests = await testsOf(store, catalog, selection);
  const last = selection.toPosition;
  const cut = new Set<string>();
  for await (const recorded of store.readAll()) {
    if (last !== undefined && recorded.globalPosition > last) return;
    if (!tests.every((keep) => keep(recorded))) cut.add(recorded.streamId);
    else yield cut.has(recorded.streamId) ? unhashed(recorded) : recorded;
  }
}
