/**
 * What the contracts benchmark's generator writes with: the events made so
 * far, with each stream's positions and each village-year's voucher
 * numbers, and the exact figures the replay must find again.
 */
import type { RecordedEvent } from '@collective-ledger/core';

/** The exact figures of the workload, as the generator made them (fen, counts). */
export interface Expected {
  events: number;
  signed: number;
  payments: number;
  recognitions: number;
  flagged: number;
  openFlags: number;
  dueFen: bigint;
  paidFen: bigint;
  recognisedFen: bigint;
  openingArrears: bigint;
  fallenOverdue: bigint;
  collected: bigint;
  debts: number;
  resolutions: number;
  debtFen: bigint;
  resolvedFen: bigint;
}

export const emptyExpected = (): Expected => ({
  events: 0, signed: 0, payments: 0, recognitions: 0, flagged: 0, openFlags: 0, dueFen: 0n, paidFen: 0n, recognisedFen: 0n, openingArrears: 0n, fallenOverdue: 0n, collected: 0n,
  debts: 0, resolutions: 0, debtFen: 0n, resolvedFen: 0n,
});

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The events made so far, with each stream's positions and each village-year's voucher numbers; `expected` counts them. */
export class Emitter {
  private readonly positions = new Map<string, bigint>();
  private readonly vouchers = new Map<string, number>();
  private global = 0n;
  out: RecordedEvent[] = [];

  constructor(readonly expected: Expected) {}

  emit(village: string, on: string, type: string, data: Record<string, unknown>): void {
    this.emitTo(`ledger-${village}-${on.slice(0, 4)}`, on, type, data);
  }

  emitTo(streamId: string, on: string, type: string, data: Record<string, unknown>): void {
    const streamPosition = this.positions.get(streamId) ?? 0n;
    this.positions.set(streamId, streamPosition + 1n);
    this.global += 1n;
    const metadata = { eventId: uuid(Number(this.global)), occurredOn: on, recordedAt: `${on}T10:00:00.000Z`, actor: '会计', commandId: `k-${this.global}`, schemaVersion: 1 };
    this.out.push({ streamId, streamPosition, globalPosition: this.global, type, data: data as RecordedEvent['data'], metadata });
    this.expected.events += 1;
  }

  voucherNo(village: string, on: string, series = '合'): string {
    const key = `${village}-${on.slice(0, 4)}-${series}`;
    const n = (this.vouchers.get(key) ?? 0) + 1;
    this.vouchers.set(key, n);
    return `${series}-${pad(n, 3)}`;
  }

  /** The events made since the last batch, once they are `size` or more (or `all`). */
  take(size: number, all = false): RecordedEvent[] | undefined {
    if (this.out.length === 0 || (!all && this.out.length < size)) return undefined;
    const batch = this.out;
    this.out = [];
    return batch;
  }
}
