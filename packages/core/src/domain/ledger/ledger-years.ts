import type { CommandContext } from '../../kernel/command-handler.js';
import type { DomainEvent, RecordedEvent } from '../../kernel/event.js';
import { decodeRecordedEvent } from '../../kernel/decode.js';
import { organizationStream } from '../organization/events.js';
import type { PreviousYear } from './commands.js';
import { ledgerStream, type YearClosed } from './events.js';

/** The year an organization was registered (the business date of its first event): it keeps no books before. */
export const registrationYear = async (context: CommandContext<DomainEvent>, organizationId: string): Promise<number | undefined> => {
  for await (const recorded of context.store.readStream(organizationStream(organizationId))) {
    return Number(recorded.metadata.occurredOn.slice(0, 4));
  }
  return undefined;
};

/**
 * The village's ledger years before `year` that hold any event, newest first,
 * back to the year it was registered, each with its recorded events. A year
 * without a stream kept no books at all.
 */
export async function* earlierLedgerYears(
  context: CommandContext<DomainEvent>,
  organizationId: string,
  year: number,
): AsyncIterable<{ readonly year: number; readonly events: readonly RecordedEvent[] }> {
  const first = (await registrationYear(context, organizationId)) ?? year;
  for (let y = year - 1; y >= first; y -= 1) {
    const events: RecordedEvent[] = [];
    for await (const recorded of context.store.readStream(ledgerStream(organizationId, y))) events.push(recorded);
    if (events.length > 0) yield { year: y, events };
  }
}

/**
 * How the books before `year` were left: never kept, or the last year that
 * holds any event, closed (with the balances it carried) or still open. Years
 * with no event at all in between carry nothing and change nothing, so a
 * close found further back still gives the opening balances.
 */
export const loadPreviousYear = async (context: CommandContext<DomainEvent>, organizationId: string, year: number): Promise<PreviousYear> => {
  for await (const earlier of earlierLedgerYears(context, organizationId, year)) {
    const closing = earlier.events.find((e) => e.type === 'YearClosed');
    if (closing === undefined) return { status: 'open', year: earlier.year };
    const { data } = decodeRecordedEvent(context.catalog, closing).event as YearClosed;
    return { status: 'closed', year: earlier.year, carried: new Map(data.carried.map((c) => [c.account, c.balance.toFen()])) };
  }
  return { status: 'none' };
};
