import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../kernel/event.js';
import { minuteClock } from '../../test-support/clock.js';
import { handWorkedBooks, reportsCatalog, type ReportBooks } from '../test-statements.js';
import { ReportOptionError, type AnyReportDefinition } from './definition.js';
import { reports } from './registry.js';
import { runReport } from './run-report.js';

/** Reports whose figures a back-dated voucher of v on 2023-03-01 changes. */
const asked = [
  ['balance-sheet', { asOf: '2023-06-30', village: 'v' }],
  ['trial-balance', { year: 2023 }],
  ['income-statement', { year: 2023, village: 'v', lang: 'en' }],
  ['income-tiers', { year: 2023 }],
  ['events', { asOf: '2023-12-31' }],
] as const;

type Asked = (typeof asked)[number];

/** Each report's name, for the test's title, and its index in `asked`. */
const each = asked.map(([name], i) => [name, i] as const);

const run = (books: ReportBooks, [name, options]: Asked, replay: object = {}): Promise<unknown> => {
  const definition: AnyReportDefinition = reports[name];
  return runReport(books.store, reportsCatalog, definition, { ...options, ...replay });
};

const lastEvent = async (books: ReportBooks): Promise<RecordedEvent> => {
  let last: RecordedEvent | undefined;
  for await (const event of books.store.readAll()) last = event;
  if (last === undefined) throw new Error('no events');
  return last;
};

let books: ReportBooks;
let signed: unknown[];
let lastSigned: RecordedEvent;
let late: RecordedEvent;

beforeAll(async () => {
  books = await handWorkedBooks({ close: false, now: minuteClock() });
  // The statements as they were signed, before anything was added.
  signed = await Promise.all(asked.map((a) => run(books, a)));
  lastSigned = await lastEvent(books);
  // Later, a voucher dated back into March (记-6, 2023-03-01), recorded a minute after the last event.
  await books.voucher('v', '记-6', '2023-03-01', [['102', 'debit', '999.00'], ['501', 'credit', '999.00']]);
  late = await lastEvent(books);
});

describe('replaying the books as they were recorded', () => {
  it('the back-dated voucher changes every one of the statements', async () => {
    expect(late.metadata.occurredOn).toBe('2023-03-01');
    const now = await Promise.all(asked.map((a) => run(books, a)));
    asked.forEach((_, i) => {
      expect(now[i]).not.toEqual(signed[i]);
    });
  });

  it.each(each)('%s with toPosition at the last event before it gives the signed figures, byte for byte', async (_, i) => {
    const a = asked[i]!;
    expect(await run(books, a, { toPosition: lastSigned.globalPosition })).toStrictEqual(signed[i]);
    expect(JSON.stringify(await run(books, a, { toPosition: late.globalPosition }))).not.toBe(JSON.stringify(signed[i]));
  });

  it.each(each)('%s with recordedBefore the moment it was recorded gives the signed figures', async (_, i) => {
    const a = asked[i]!;
    expect(lastSigned.metadata.recordedAt < late.metadata.recordedAt).toBe(true);
    expect(await run(books, a, { recordedBefore: late.metadata.recordedAt })).toStrictEqual(signed[i]);
    // The same moment in Beijing time, and a millisecond later: then the voucher is in.
    const beijing = new Date(Date.parse(late.metadata.recordedAt) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    expect(await run(books, a, { recordedBefore: beijing })).toStrictEqual(signed[i]);
    const after = new Date(Date.parse(late.metadata.recordedAt) + 1).toISOString();
    expect(await run(books, a, { recordedBefore: after })).toStrictEqual(await run(books, a));
  });

  it('keeps its JSON as without the options: nothing in it says how the log was cut', async () => {
    const json = await run(books, asked[0], { toPosition: lastSigned.globalPosition, recordedBefore: '2099-01-01T00:00:00Z' });
    expect(Object.keys(json as object)).toEqual(Object.keys(signed[0] as object));
  });

  it('combines with the business date: both cuts apply', async () => {
    const early = await runReport(books.store, reportsCatalog, reports.events, { asOf: '2022-12-31', toPosition: late.globalPosition });
    expect(early).toStrictEqual(await runReport(books.store, reportsCatalog, reports.events, { asOf: '2022-12-31' }));
    const none = await runReport(books.store, reportsCatalog, reports.events, { toPosition: 0n });
    expect(none.total).toBe(0);
  });

  it.each([
    ['a date without a time', { recordedBefore: '2024-01-15' }, '--recorded-before: expected a timestamp YYYY-MM-DDTHH:mm:ss[.sss] with a zone (Z or +08:00), e.g. 2024-03-31T18:00:00+08:00, got "2024-01-15"'],
    ['a time without a zone', { recordedBefore: '2024-01-15T08:00:00' }, 'got "2024-01-15T08:00:00"'],
    ['a negative position', { toPosition: -1n }, '--to-position: expected a global position, a bigint 0 or more, got -1n'],
    ['a position as a number', { toPosition: 5 }, '--to-position: expected a global position, a bigint 0 or more, got 5'],
  ] as const)('refuses %s before the store is read, naming the option', async (_, replay, message) => {
    const error = await run(books, asked[4], replay).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReportOptionError);
    expect((error as Error).message).toContain(message);
  });
});
