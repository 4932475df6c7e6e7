/**
 * Personal-data benchmark: what sealing members' personal fields costs. The
 * same villages are built through the commands twice, in the same process
 * and each run in turn going first: once with no personal field, once with
 * every household's address and every member's ID number and phone sealed
 * (keys made in an in-memory key store; each admission also compares the
 * new ID number with the village's current members, opening theirs). Then
 * every village's member register is read back (`report members`), from the
 * plain books, and from the sealed books with the keys, every field opened.
 * The ratios sealed over plain are the cost; the sealed books read without
 * the keys (every field shown as sealed) part decoding from decrypting. Run
 * in its own process.
 */
import {
  coreCatalog,
  InMemoryEventStore,
  InMemoryPersonalDataKeys,
  organization,
  reports,
  runReport,
  type CommandContext,
} from '@collective-ledger/core';
import { peakRssMiB, timed } from './measure.js';

const VILLAGES = Number(process.env['BENCH_VILLAGES'] ?? 20);
const HOUSEHOLDS = Number(process.env['BENCH_HOUSEHOLDS'] ?? 50);
const MEMBERS_PER_HOUSEHOLD = 4;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

const idNumber = (village: number, member: number): string => `1401051965${String(village).padStart(4, '0')}${String(member).padStart(4, '0')}`;
const phone = (village: number, member: number): string => `138${String(village).padStart(4, '0')}${String(member).padStart(4, '0')}`;

const must = async (outcome: Promise<{ readonly _tag: string; readonly left?: { readonly message: string } }>): Promise<void> => {
  const result = await outcome;
  if (result._tag === 'Left') throw new Error(result.left?.message);
};

/** The district, its villages, their households and members, through the commands; `sealed` gives every personal field. */
const build = async (sealed: boolean): Promise<{ readonly store: InMemoryEventStore; readonly keys: InMemoryPersonalDataKeys; readonly commands: number }> => {
  const store = new InMemoryEventStore();
  const keys = new InMemoryPersonalDataKeys();
  const context: CommandContext = { store, catalog: coreCatalog, ...(sealed ? { personalData: keys } : {}) };
  let n = 0;
  const request = () => ({ commandId: `c-${(n += 1)}`, actor: '登记员' });
  await must(organization.registerOrganization(context, { ...request(), occurredOn: '2020-01-01', input: { organizationId: 'd', kind: 'district', code: '140100000000', name: '示范区' } }));
  for (let v = 0; v < VILLAGES; v += 1) {
    const organizationId = `v${v}`;
    await must(organization.registerOrganization(context, { ...request(), occurredOn: '2020-01-01', input: { organizationId, kind: 'village', code: `1401${v}`, name: `村${v}`, parentId: 'd' } }));
    let member = 0;
    for (let h = 0; h < HOUSEHOLDS; h += 1) {
      const householdId = `h${h}`;
      const address = sealed ? { address: `${v}组 ${h} 号` } : {};
      await must(organization.registerHousehold(context, { ...request(), occurredOn: '2020-01-01', input: { organizationId, householdId, head: `户主${h}`, ...address } }));
      for (let m = 0; m < MEMBERS_PER_HOUSEHOLD; m += 1, member += 1) {
        const personal = sealed ? { idNumber: idNumber(v, member), phone: phone(v, member) } : {};
        const input = { organizationId, memberId: `m${member}`, householdId, name: `成员${member}`, joinedOn: '2020-01-01', reason: 'founding' as const, ...personal };
        await must(organization.admitMember(context, { ...request(), input }));
      }
    }
  }
  return { store, keys, commands: n };
};

/** Every village's member register at the end of 2020; the count of fields opened is checked. */
const readBack = async (store: InMemoryEventStore, keys: InMemoryPersonalDataKeys | undefined): Promise<number> => {
  let opened = 0;
  for (let v = 0; v < VILLAGES; v += 1) {
    const roll = await runReport(store, coreCatalog, reports.members, { village: `v${v}`, asOf: '2020-12-31', ...(keys === undefined ? {} : { personalData: keys }) });
    for (const household of roll.households) {
      if (typeof household.address === 'string') opened += 1;
      for (const m of household.members) opened += (typeof m.idNumber === 'string' ? 1 : 0) + (typeof m.phone === 'string' ? 1 : 0);
    }
  }
  return opened;
};

interface Run {
  readonly plainBuild: number;
  readonly sealedBuild: number;
  readonly plainRead: number;
  readonly sealedRead: number;
  readonly sealedUnopened: number;
}

type Built = { readonly seconds: number; readonly store: InMemoryEventStore; readonly keys: InMemoryPersonalDataKeys; readonly commands: number };

/** One run: both books built and read, in `order`; the sealed books read once more without the keys. */
const oneRun = async (order: readonly boolean[], fields: number): Promise<{ readonly run: Run; readonly built: Built }> => {
  const built = new Map<boolean, Built>();
  for (const sealed of order) {
    const { value, seconds } = await timed(() => build(sealed));
    built.set(sealed, { seconds, ...value });
  }
  const plain = built.get(false);
  const sealed = built.get(true);
  if (plain === undefined || sealed === undefined) throw new Error('a build is missing');
  const reads = new Map<boolean, number>();
  for (const which of order) {
    const expected = which ? fields : 0;
    const { value, seconds } = await timed(() => readBack(which ? sealed.store : plain.store, which ? sealed.keys : undefined));
    if (value !== expected) throw new Error(`opened ${value} personal fields, expected ${expected}`);
    reads.set(which, seconds);
  }
  const unopened = await timed(() => readBack(sealed.store, undefined));
  if (unopened.value !== 0) throw new Error(`opened ${unopened.value} personal fields without the keys`);
  const read = (which: boolean): number => reads.get(which) ?? Number.NaN;
  return {
    run: { plainBuild: plain.seconds, sealedBuild: sealed.seconds, plainRead: read(false), sealedRead: read(true), sealedUnopened: unopened.seconds },
    built: sealed,
  };
};

const main = async (): Promise<void> => {
  const members = VILLAGES * HOUSEHOLDS * MEMBERS_PER_HOUSEHOLD;
  const fields = VILLAGES * HOUSEHOLDS + 2 * members;
  const runs: Run[] = [];
  let last: Built | undefined;
  for (let r = 0; r < RUNS; r += 1) {
    const { run, built } = await oneRun(r % 2 === 0 ? [false, true] : [true, false], fields);
    runs.push(run);
    last = built;
  }
  const result = {
    name: 'personal-data',
    villages: VILLAGES,
    households: VILLAGES * HOUSEHOLDS,
    members,
    fields,
    commands: last?.commands ?? 0,
    events: last?.store.size ?? 0,
    runs,
    peakRssMiB: Math.round(peakRssMiB()),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

void main();
