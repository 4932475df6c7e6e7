/**
 * A synthetic district for the ledger benchmark: 1,000 villages in 10
 * townships, each with a year of vouchers written straight into the store as
 * encoded `VoucherPosted` events (valid for the catalog: balanced lines,
 * positive amounts, known accounts), so building a million events is quick.
 * The generator keeps the exact sums the replay must find again.
 */
import { Money, type InMemoryEventStore, type NewEvent } from '@collective-ledger/core';

export const YEAR = 2022;

interface Line {
  readonly account: string;
  readonly side: 'debit' | 'credit';
  readonly fen: bigint;
}

/** What the replay must reproduce, in fen. */
export interface Expected {
  /** 501 + 502 of every village. */
  operatingFen: bigint;
  /** The year-end balance of 101 and 102 of every village (the only asset accounts used). */
  assetsFen: bigint;
}

const two = (n: number): string => String(n).padStart(2, '0');
const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const line = (account: string, side: 'debit' | 'credit', fen: bigint): Line => ({ account, side, fen });

/**
 * Voucher `i` of village `v`: 8 in 20 are operating income (501), 2 investment
 * income (502), then a subsidy (503), other income (504), the five expenses
 * (511 to 515), cash drawn (101 ← 102), cash paid in (102 ← 101), and a
 * three-line receipt split between 501 and 504.
 */
const linesOf = (kind: number, fen: bigint): Line[] => {
  if (kind < 8) return [line('102', 'debit', fen), line('501', 'credit', fen)];
  if (kind < 10) return [line('102', 'debit', fen), line('502', 'credit', fen)];
  if (kind < 12) return [line('102', 'debit', fen), line(kind === 10 ? '503' : '504', 'credit', fen)];
  if (kind < 17) return [line(String(511 + kind - 12), 'debit', fen / 3n + 1n), line('102', 'credit', fen / 3n + 1n)];
  if (kind === 17) return [line('101', 'debit', fen / 10n + 1n), line('102', 'credit', fen / 10n + 1n)];
  if (kind === 18) return [line('102', 'debit', fen / 20n + 1n), line('101', 'credit', fen / 20n + 1n)];
  return [line('102', 'debit', fen + 500n), line('501', 'credit', fen), line('504', 'credit', 500n)];
};

/** The exact effect of one voucher on the figures the benchmark checks. */
const account = (expected: Expected, lines: readonly Line[]): void => {
  for (const l of lines) {
    const fen = l.fen;
    if (l.account === '501' || l.account === '502') expected.operatingFen += fen;
    if (l.account === '101' || l.account === '102') expected.assetsFen += l.side === 'debit' ? fen : -fen;
  }
};

const voucherEvent = (village: string, i: number, n: number, lines: Line[]): NewEvent => {
  const date = `${YEAR}-${two((i % 12) + 1)}-${two((i % 28) + 1)}`;
  return {
    type: 'VoucherPosted',
    data: { organizationId: village, voucherNo: `记-${String(i + 1).padStart(4, '0')}`, date, summary: '凭证', lines: lines.map((l) => ({ account: l.account, side: l.side, amount: Money.fromFen(l.fen).toString() })) },
    metadata: { eventId: uuid(n), occurredOn: date, actor: 'bench', schemaVersion: 1 },
  };
};

export const villageId = (v: number): string => `v-${String(v).padStart(4, '0')}`;
export const townshipId = (t: number): string => `t-${String(t).padStart(2, '0')}`;

/**
 * Append `vouchers` vouchers to each of `villages` villages' 2022 streams, in
 * batches of `batch`; from village `firstVillage` on (default 0), so that a large
 * district can be written a few villages at a time, each part with the event
 * ids it would have had in one go.
 */
export const appendVouchers = async (
  store: InMemoryEventStore,
  { villages, vouchers, batch, firstVillage = 0 }: { readonly villages: number; readonly vouchers: number; readonly batch: number; readonly firstVillage?: number },
): Promise<Expected> => {
  const expected: Expected = { operatingFen: 0n, assetsFen: 0n };
  let n = firstVillage * vouchers;
  for (let v = firstVillage; v < firstVillage + villages; v += 1) {
    const village = villageId(v);
    for (let from = 0; from < vouchers; from += batch) {
      const events: NewEvent[] = [];
      for (let i = from; i < Math.min(from + batch, vouchers); i += 1) {
        const lines = linesOf(i % 20, BigInt(1_000 + ((i * 7_919 + v * 104_729) % 9_000_000)));
        account(expected, lines);
        events.push(voucherEvent(village, i, (n += 1), lines));
      }
      await store.append(`ledger-${village}-${YEAR}`, events);
    }
  }
  return expected;
};
