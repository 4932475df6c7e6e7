import { ReadReq, type FilterOptionsMessage, type ReadReqMessage } from './generated.js';
import type { FakeRecord } from './log.js';
import type { FakeLog } from './log.js';
import { streamNameOf } from './messages.js';

/** What a read asks for, decoded from its options. */
export type ReadPlan =
  | { readonly kind: 'stream'; readonly streamId: string; readonly from: 'start' | 'end' | bigint; readonly backward: boolean; readonly count: number }
  | { readonly kind: 'all'; readonly from: 'start' | 'end' | bigint; readonly backward: boolean; readonly count: number; readonly filter: RecordFilter | undefined }
  | { readonly kind: 'subscribe-all'; readonly from: 'start' | 'end' | bigint; readonly filter: RecordFilter | undefined; readonly checkpointEvery: number };

export type RecordFilter = (record: FakeRecord) => boolean;

/** The server's default search window: a checkpoint is sent every `multiplier × 32` events searched. */
const SEARCH_WINDOW = 32;

const filterOf = (options: FilterOptionsMessage | undefined): RecordFilter | undefined => {
  if (options === undefined) return undefined;
  const onStream = options.hasStreamIdentifier();
  const expression = onStream ? options.getStreamIdentifier() : options.getEventType();
  if (expression === undefined) return undefined;
  const regex = expression.getRegex() === '' ? undefined : new RegExp(expression.getRegex());
  const prefixes = expression.getPrefixList();
  return (record) => {
    const subject = onStream ? record.streamId : record.type;
    if (regex !== undefined) return regex.test(subject);
    return prefixes.some((prefix) => subject.startsWith(prefix));
  };
};

const windowOf = (options: FilterOptionsMessage | undefined): number => {
  if (options === undefined) return SEARCH_WINDOW;
  const window = options.hasMax() ? options.getMax() : SEARCH_WINDOW;
  return Math.max(1, options.getCheckpointintervalmultiplier()) * window;
};

export const readPlanOf = (request: ReadReqMessage): ReadPlan | undefined => {
  const options = request.getOptions();
  if (options === undefined) return undefined;
  const backward = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  const count = options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER;
  const stream = options.getStream();
  if (stream !== undefined) {
    const from = stream.hasRevision() ? BigInt(stream.getRevision()) : stream.hasEnd() ? 'end' : 'start';
    return { kind: 'stream', streamId: streamNameOf(stream.getStreamIdentifier()), from, backward, count };
  }
  const all = options.getAll();
  if (all === undefined) return undefined;
  const position = all.getPosition();
  const from = position !== undefined ? BigInt(position.getCommitPosition()) : all.hasEnd() ? 'end' : 'start';
  const filter = filterOf(options.getFilter());
  if (options.hasSubscription()) return { kind: 'subscribe-all', from, filter, checkpointEvery: windowOf(options.getFilter()) };
  return { kind: 'all', from, backward, count, filter };
};

/** The records of a stream read, or `undefined` when the stream does not exist. */
export const streamRecords = (log: FakeLog, plan: Extract<ReadPlan, { kind: 'stream' }>): readonly FakeRecord[] | undefined => {
  const stream = log.stream(plan.streamId);
  if (stream === undefined) return undefined;
  if (!plan.backward) {
    const start = plan.from === 'start' ? 0 : plan.from === 'end' ? stream.length : Number(plan.from);
    return stream.slice(start, start + plan.count);
  }
  const end = plan.from === 'end' ? stream.length : plan.from === 'start' ? 1 : Math.min(stream.length, Number(plan.from) + 1);
  return stream.slice(Math.max(0, end - plan.count), end).reverse();
};

/** The records of a read of `$all` (system records included): forward from a position inclusive, or backward before it. */
export const allRecords = (log: FakeLog, plan: Extract<ReadPlan, { kind: 'all' }>): readonly FakeRecord[] => {
  const records = log.all;
  const keep = plan.filter ?? (() => true);
  if (!plan.backward) {
    const from = plan.from;
    const start = from === 'start' ? 0 : from === 'end' ? records.length : firstAtOrAfter(records, from);
    return records.slice(start).filter(keep).slice(0, plan.count);
  }
  const from = plan.from;
  const end = from === 'end' ? records.length : from === 'start' ? 0 : firstAtOrAfter(records, from);
  return records.slice(0, end).reverse().filter(keep).slice(0, plan.count);
};

/** Index of the first record at or after `position` (binary search: positions increase). */
export const firstAtOrAfter = (records: readonly FakeRecord[], position: bigint): number => {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((records[middle]?.position ?? 0n) < position) low = middle + 1;
    else high = middle;
  }
  return low;
};
