/**
 * A small catalog and line builders for the ledger-file tests (here and in the
 * CLI). A test fixture: not exported from the package.
 */
import * as t from 'io-ts';
import { Yuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { defineEvent, EventCatalog } from '../catalog.js';
import { eventHash } from '../chain.js';
import type { JsonObject, NewEventMetadata } from '../event.js';

export const villageRegistered = defineEvent({
  type: 'VillageRegistered',
  codec: t.type({ organizationId: Id, name: NonEmptyString }),
  schemaVersion: 1,
  organizationOf: (data) => data.organizationId,
});

export const incomeRecorded = defineEvent({
  type: 'IncomeRecorded',
  codec: t.type({ organizationId: Id, amount: Yuan, receivedOn: IsoDate, memo: t.string }),
  schemaVersion: 1,
  organizationOf: (data) => data.organizationId,
});

export const testCatalog = new EventCatalog([villageRegistered, incomeRecorded]);

/** A deterministic uuid: `00000000-0000-4000-8000-000000000007` for 7. */
export const testEventId = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

export interface TestLine {
  readonly streamId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: NewEventMetadata & Record<string, unknown>;
}

/** A ledger line object with sensible metadata; `n` gives its event id and recordedAt. */
export const testLine = (n: number, streamId: string, type: string, data: JsonObject): TestLine => ({
  streamId,
  type,
  data,
  metadata: {
    eventId: testEventId(n),
    occurredOn: '2024-03-15',
    recordedAt: `2024-03-15T08:00:${String(n % 60).padStart(2, '0')}.000Z`,
    actor: '会计-张三',
    schemaVersion: 1,
  },
});

/** The same line with some metadata replaced. */
export const withMetadata = (line: TestLine, metadata: Partial<NewEventMetadata> & Record<string, unknown>): TestLine => ({
  ...line,
  metadata: { ...line.metadata, ...metadata },
});

export const village = (n: number, id: string, name: string): TestLine =>
  testLine(n, `organization-${id}`, 'VillageRegistered', { organizationId: id, name });

export const income = (n: number, id: string, amount: string, memo = '承包费'): TestLine =>
  testLine(n, `ledger-${id}-2024`, 'IncomeRecorded', { organizationId: id, amount, receivedOn: '2024-03-15', memo });

/** Lines as a ledger file: one JSON object per line, each ending with `\n`. */
export const ledgerText = (lines: readonly (object | string)[]): string =>
  lines.map((line) => `${typeof line === 'string' ? line : JSON.stringify(line)}\n`).join('');

/** A small valid ledger: two villages (东风村, 红旗村) and their income. */
export const sampleLines = (): TestLine[] => [
  village(1, 'v001', '东风村'),
  income(2, 'v001', '1200.00'),
  income(3, 'v001', '350.50', '鱼塘租金'),
  village(4, 'v002', '红旗村'),
  income(5, 'v002', '88.00'),
  income(6, 'v001', '10.05'),
];

/** The lines as a store writes them: each with its chain hash, the streams' positions counted from 0 in file order. */
export const sealedLines = (lines: readonly TestLine[]): TestLine[] => {
  const heads = new Map<string, { position: bigint; hash: string }>();
  return lines.map((line) => {
    const head = heads.get(line.streamId);
    const streamPosition = head === undefined ? 0n : head.position + 1n;
    const hash = eventHash({ ...line, streamPosition }, head?.hash ?? null);
    heads.set(line.streamId, { position: streamPosition, hash });
    return withMetadata(line, { hash });
  });
};

/** Text as an async iterable of chunks. */
export async function* chunksOf(...chunks: readonly (string | Uint8Array)[]): AsyncIterable<string | Uint8Array> {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

/** Bytes of `text` cut into pieces of `size` bytes (cutting through multi-byte characters). */
export const byteChunks = (text: string, size: number): Uint8Array[] => {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
};
