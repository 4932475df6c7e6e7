import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Area } from '../../money/area.js';
import { landRegisterDecider } from './decider.js';
import type { LandEvent } from './events.js';
import { emptyLandRegister, type LandRegister, type ParcelRecord } from './register.js';
import { landCommand, parcel, transfer } from './test-land-specs.js';
import { muText } from './test-land-inputs.js';

/** A random step: a transfer of a random area of a parcel for a random term, an early end, or a split of a parcel into two. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('transfer' as const), parcel: fc.nat(3), units: fc.integer({ min: 1, max: 60_000 }), start: fc.nat(5), years: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('end' as const), transfer: fc.nat(20) }),
  fc.record({ kind: fc.constant('split' as const), parcel: fc.nat(3), units: fc.integer({ min: 1, max: 49_999 }) }),
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const commandOf = (register: LandRegister, s: Step, n: number, year: number) => {
  const live = [...register.parcels.keys()].sort();
  if (s.kind === 'end') {
    const id = [...register.transfers.keys()].sort()[s.transfer % Math.max(1, register.transfers.size)] ?? 'none';
    return landCommand('TerminateLandTransfer', { transferId: id, terminatedOn: `${year}-06-30`, reason: 'other', note: '随机' });
  }
  const parcelId = live[s.parcel % live.length] ?? 'none';
  const owner = register.parcels.get(parcelId)?.householdId ?? 'h1';
  if (s.kind === 'split') {
    const area = register.parcels.get(parcelId)?.area ?? Area.zero;
    const a = Area.ofMu(muText(s.units));
    const b = area.compare(a) > 0 ? area.minus(a) : Area.ofMu('0.0001');
    return landCommand('SplitParcel', { parcelId, splitOn: `${year}-01-01`, into: [{ parcelId: `${parcelId}.${n}a`, area: a.toString() }, { parcelId: `${parcelId}.${n}b`, area: b.toString() }] });
  }
  const startsOn = `${year + s.start}-01-01`;
  const endsOn = `${year + s.start + s.years}-12-31`;
  const input = transfer(`t${n}`, [[parcelId, muText(s.units)]], [owner], { signedOn: `${year}-01-01`, startsOn, endsOn, dueDates: [endsOn], consents: [{ householdId: owner, signedOn: `${year}-01-01`, document: 'x' }] });
  return landCommand('TransferLand', input);
};

/** On each year of the horizon, the area of each parcel held by transfers in force that year never exceeds the parcel's area. */
const heldOn = (register: LandRegister, p: ParcelRecord, day: string): Area => {
  let held = Area.zero;
  for (const id of p.transfers) {
    const t = register.transfers.get(id);
    const inForce = t !== undefined && t.startsOn <= day && (t.endedOn === undefined ? day <= t.endsOn : day < t.endedOn);
    const parts = inForce ? t.parts.filter((part) => part.parcelId === p.parcelId) : [];
    held = parts.reduce((sum, part) => sum.plus(part.area), held);
  }
  return held;
};

const heldWithinArea = (register: LandRegister): boolean => {
  for (const p of register.parcels.values()) {
    for (let year = 2016; year <= 2040; year += 1) if (heldOn(register, p, `${year}-07-01`).compare(p.area) > 0) return false;
  }
  return true;
};

describe('the area transferred from a parcel', () => {
  it('never exceeds its area, over random transfers, early ends and splits', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let register = emptyLandRegister();
        const apply = (events: readonly LandEvent[]) => {
          for (const e of events) register = landRegisterDecider.evolve(register, e);
        };
        for (const [i, h] of ['h1', 'h2', 'h3'].entries()) {
          const decided = landRegisterDecider.decide(landCommand('ContractParcel', parcel(`p${i}`, h, '5.0000')), register);
          if (decided._tag === 'Right') apply(decided.right);
        }
        for (const [n, s] of steps.entries()) {
          const decided = landRegisterDecider.decide(commandOf(register, s, n, 2016 + Math.floor(n / 3)), register);
          if (decided._tag === 'Right') apply(decided.right);
        }
        accepted += register.transfers.size;
        const total = [...register.parcels.values()].reduce((sum, p) => sum.plus(p.area), Area.zero);
        expect(total.toString()).toBe('15.0000');
        expect(heldWithinArea(register)).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
