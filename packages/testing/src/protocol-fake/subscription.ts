import type { ReadRespMessage } from './generated.js';
import type { FakeLog, FakeRecord } from './log.js';
import { caughtUpMessage, checkpointMessage, confirmationMessage, eventMessage } from './messages.js';
import { firstAtOrAfter, type ReadPlan } from './reads.js';

/**
 * A catch-up subscription to `$all` as the server runs it: a confirmation,
 * the stored records after the position given (exclusive: a subscription
 * resumes after the last event its subscriber saw), `caughtUp`, then every
 * new record as it is written. With a filter, only matching records are sent,
 * and a checkpoint every `checkpointEvery` records searched (in catch-up and
 * live alike), so a subscriber can store how far the search went.
 * Returns the function that ends it.
 */
export const runSubscription = (
  log: FakeLog,
  plan: Extract<ReadPlan, { kind: 'subscribe-all' }>,
  send: (message: ReadRespMessage) => void,
): (() => void) => {
  let searched = 0;
  const offer = (record: FakeRecord): void => {
    searched += 1;
    if (plan.filter === undefined || plan.filter(record)) send(eventMessage(record));
    if (plan.filter !== undefined && searched % plan.checkpointEvery === 0) send(checkpointMessage(record.position));
  };
  send(confirmationMessage(crypto.randomUUID()));
  const records = log.all;
  const from = plan.from;
  const start = from === 'start' ? 0 : from === 'end' ? records.length : firstAtOrAfter(records, from + 1n);
  // Catch-up and the switch to live happen in one turn of the event loop: no record is written in between.
  for (let i = start; i < records.length; i += 1) {
    const record = records[i];
    if (record !== undefined) offer(record);
  }
  send(caughtUpMessage());
  return log.listen(offer);
};
