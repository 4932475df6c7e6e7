/**
 * The land benchmark's events, generated directly (not through the commands)
 * in the order the commands would have recorded them: a county, its
 * townships and villages registered; in each village its households and
 * members, then every household's parcels contracted; then the village's
 * transfers signed, ten households to a transfer, each household passing
 * two of its five parcels whole and half of the third, so exactly half its
 * land, with every household's written consent, cash rent per mu due each
 * 20 December for ten years; then 2024's rent paid to the households
 * directly by quarter, most in full, some in part, some not at all. Every
 * event is one the land register's rules accept (areas within each parcel,
 * consents, payments within what is owed). The generator keeps the exact
 * sums the reports must come to. Nothing is held but counters and the
 * current village: each pass generates afresh.
 */
import type { RecordedEvent } from '@collective-ledger/core';
import { householdId, membersOf, mu, pad, parcelTenths, quartersPaid, rentPerMu, transferredOf, uuid, villageId, yuan } from './land-households.js';

export { mu, yuan } from './land-households.js';

export interface Workload {
  readonly villages: number;
  readonly householdsPerVillage: number;
}

/** Five parcels a household, ten households a transfer. */
export const PARCELS = 5;
export const PER_TRANSFER = 10;
export const YEAR = 2024;
export const AS_OF = `${YEAR}-12-31`;
const TOWNSHIPS = 10;
const OPERATORS = [{ name: '猕猴桃产业公司', kind: 'company' }, { name: '果蔬专业合作社', kind: 'cooperative' }, { name: '种植大户', kind: 'large-grower' }] as const;
const QUARTERS = ['03-31', '06-30', '09-30', '12-20'] as const;

/** The exact figures of the workload: areas in tenths of a mu, money in fen, counts. */
export interface Expected {
  events: number;
  households: number;
  members: number;
  parcels: number;
  transfers: number;
  payments: number;
  /** Areas in tenths of a mu; money in fen. */
  contractedTenths: bigint;
  transferredTenths: bigint;
  dueFen: bigint;
  paidFen: bigint;
  owedFen: bigint;
}

const emptyExpected = (): Expected => ({ events: 0, households: 0, members: 0, parcels: 0, transfers: 0, payments: 0, contractedTenths: 0n, transferredTenths: 0n, dueFen: 0n, paidFen: 0n, owedFen: 0n });

/** The events made so far, with each stream's positions. */
class Emitter {
  private readonly positions = new Map<string, bigint>();
  private global = 0n;
  out: RecordedEvent[] = [];
  constructor(readonly expected: Expected) {}

  emit(streamId: string, on: string, type: string, data: Record<string, unknown>): void {
    const streamPosition = this.positions.get(streamId) ?? 0n;
    this.positions.set(streamId, streamPosition + 1n);
    this.global += 1n;
    const metadata = { eventId: uuid(this.global), occurredOn: on, recordedAt: `${on}T10:00:00.000Z`, actor: '农经站', commandId: `k-${this.global}`, schemaVersion: 1 };
    this.out.push({ streamId, streamPosition, globalPosition: this.global, type, data: data as RecordedEvent['data'], metadata });
    this.expected.events += 1;
  }

  /** The events made since the last batch, once they are `size` or more (or `all`). */
  take(size: number, all = false): RecordedEvent[] | undefined {
    if (this.out.length === 0 || (!all && this.out.length < size)) return undefined;
    const batch = this.out;
    this.out = [];
    return batch;
  }
}

const registerTree = (e: Emitter, w: Workload): void => {
  e.emit('organization-county', '2020-01-01', 'OrganizationRegistered', { organizationId: 'county', kind: 'district', code: '520100', name: '示范县' });
  for (let t = 0; t < TOWNSHIPS; t += 1) {
    e.emit(`organization-t${t}`, '2020-01-01', 'OrganizationRegistered', { organizationId: `t${t}`, kind: 'township', code: `520100${pad(t, 3)}`, name: `第${t + 1}镇`, parentId: 'county' });
  }
  for (let v = 0; v < w.villages; v += 1) {
    e.emit(`organization-${villageId(v)}`, '2020-01-01', 'OrganizationRegistered', { organizationId: villageId(v), kind: 'village', code: `520100${pad(v % TOWNSHIPS, 3)}${pad(v, 4)}`, name: `第${v + 1}村`, parentId: `t${v % TOWNSHIPS}` });
  }
};

/** A village's households and members, then its parcels. */
const registerVillage = (e: Emitter, w: Workload, v: number): void => {
  const id = villageId(v);
  for (let k = 0; k < w.householdsPerVillage; k += 1) {
    const h = householdId(v, k);
    e.emit(`organization-${id}`, '2020-01-01', 'HouseholdRegistered', { organizationId: id, householdId: h, head: `户主${k}` });
    for (let m = 0; m < membersOf(k); m += 1) e.emit(`organization-${id}`, '2020-01-01', 'MemberJoined', { organizationId: id, memberId: `${h}-m${m}`, householdId: h, name: `成员${m}`, joinedOn: '2020-01-01', reason: 'founding' });
    e.expected.households += 1;
    e.expected.members += membersOf(k);
  }
  for (let k = 0; k < w.householdsPerVillage; k += 1) {
    for (const [p, tenths] of parcelTenths(k).entries()) {
      e.emit(`land-${id}`, '2023-03-01', 'ParcelContracted', {
        organizationId: id, parcelId: `${householdId(v, k)}-p${p}`, householdId: householdId(v, k), area: mu(tenths), kind: p === 2 ? 'paddy' : 'dry-land',
        contractedOn: '2023-03-01', contractStartsOn: '2023-01-01', contractEndsOn: '2052-12-31',
      });
      e.expected.parcels += 1;
      e.expected.contractedTenths += tenths;
    }
  }
};

const DUE_DATES = Array.from({ length: 10 }, (_, i) => `${YEAR + i}-12-20`);

/** The village's transfers, ten households each: parcels 0 and 1 whole, half of parcel 2. */
const transfer = (e: Emitter, w: Workload, v: number): void => {
  const id = villageId(v);
  for (let first = 0; first < w.householdsPerVillage; first += PER_TRANSFER) {
    const ks = Array.from({ length: Math.min(PER_TRANSFER, w.householdsPerVillage - first) }, (_, i) => first + i);
    const parcels = ks.flatMap((k) => {
      const [a = 0n, b = 0n, c = 0n] = parcelTenths(k);
      return [[0, a], [1, b], [2, c / 2n]].map(([p, tenths]) => ({ parcelId: `${householdId(v, k)}-p${String(p)}`, area: mu(BigInt(tenths ?? 0)) }));
    });
    e.emit(`land-${id}`, '2024-01-05', 'LandTransferred', {
      organizationId: id, transferId: `${id}-t${pad(first / PER_TRANSFER, 3)}`, operator: OPERATORS[(first / PER_TRANSFER) % OPERATORS.length], channel: 'direct',
      signedOn: '2024-01-05', startsOn: '2024-01-05', endsOn: '2033-12-31', parcels,
      consents: ks.map((k) => ({ householdId: householdId(v, k), signedOn: '2023-12-28', document: `流转同意书-${householdId(v, k)}` })),
      terms: { kind: 'cash', perMu: `${rentPerMu(v)}.00` }, dueDates: DUE_DATES,
    });
    e.expected.transfers += 1;
    for (const k of ks) e.expected.transferredTenths += transferredOf(k);
  }
};

/** A household's 2024 rent in fen, and its quarter `q` of it (the last quarter takes the rest). */
const rentFen = (v: number, k: number): bigint => rentPerMu(v) * 10n * transferredOf(k);
const quarterFen = (v: number, k: number, q: number): bigint => {
  const year = rentFen(v, k);
  return q < 3 ? year / 4n : year - 3n * (year / 4n);
};

const payQuarter = (e: Emitter, w: Workload, v: number, q: number): void => {
  const id = villageId(v);
  for (let k = 0; k < w.householdsPerVillage; k += 1) {
    if (q === 0) {
      e.expected.dueFen += rentFen(v, k);
      e.expected.owedFen += rentFen(v, k);
    }
    if (q >= quartersPaid(k)) continue;
    const amount = quarterFen(v, k, q);
    e.emit(`land-${id}`, `${YEAR}-${QUARTERS[q] ?? ''}`, 'LandIncomePaid', {
      organizationId: id, paymentId: `${householdId(v, k)}-r${q}`, transferId: `${id}-t${pad(Math.floor(k / PER_TRANSFER), 3)}`, householdId: householdId(v, k),
      part: 'rent', paidOn: `${YEAR}-${QUARTERS[q] ?? ''}`, amount: yuan(amount),
    });
    e.expected.payments += 1;
    e.expected.paidFen += amount;
    e.expected.owedFen -= amount;
  }
};

/** The workload's events a batch at a time (about `batch` each, cut at a village's step), and the figures, complete once the last batch is taken. */
export const generate = (w: Workload, batch = 1_000): { readonly batches: () => Generator<RecordedEvent[]>; readonly expected: Expected } => {
  const expected = emptyExpected();
  function* batches(): Generator<RecordedEvent[]> {
    const e = new Emitter(expected);
    registerTree(e, w);
    const steps: ((v: number) => void)[] = [(v) => { registerVillage(e, w, v); }, (v) => { transfer(e, w, v); }, ...QUARTERS.map((_, q) => (v: number) => { payQuarter(e, w, v, q); })];
    for (const step of steps) {
      for (let v = 0; v < w.villages; v += 1) {
        step(v);
        const full = e.take(batch);
        if (full !== undefined) yield full;
      }
    }
    const rest = e.take(batch, true);
    if (rest !== undefined) yield rest;
  }
  return { batches, expected };
};
