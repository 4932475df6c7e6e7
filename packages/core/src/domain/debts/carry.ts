import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { PositiveYuan, NonNegativeYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
import { Money } from '../../money/money.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { Creditor } from './debt-events.js';
import { emptyDebtRegister, type DebtRecord, type DebtRegister } from './debt-register.js';
import { DebtOrigin } from './kinds.js';

const CarriedDebt = struct(
  'a carried debt',
  { debtId: Id, creditor: Creditor, origin: DebtOrigin, account: AccountCode, recordedOn: IsoDate, amount: PositiveYuan, resolved: NonNegativeYuan },
  { originNote: NonEmptyString },
);

const CarriedSettled = struct('a settled debt', { debtId: Id, settledOn: IsoDate }, {});

/** The register as a close writes it: the debts still outstanding, and the ids of those fully resolved, each by id. */
const CarriedDebtsJson = struct('the carried debt register', { open: arrayOf(CarriedDebt), settled: arrayOf(CarriedSettled) }, {});

const byId = <T extends { readonly debtId: string }>(a: T, b: T): number => (a.debtId < b.debtId ? -1 : a.debtId > b.debtId ? 1 : 0);

const recordOf = (d: t.TypeOf<typeof CarriedDebt>): DebtRecord => ({
  debtId: d.debtId,
  creditor: d.creditor,
  origin: d.origin,
  originNote: d.originNote,
  account: d.account,
  recordedOn: d.recordedOn,
  amount: d.amount.toFen(),
  resolved: d.resolved.toFen(),
});

const carriedOf = (d: DebtRecord) => ({
  debtId: d.debtId,
  creditor: d.creditor,
  origin: d.origin,
  ...(d.originNote === undefined ? {} : { originNote: d.originNote }),
  account: d.account,
  recordedOn: d.recordedOn,
  amount: Money.fromFen(d.amount),
  resolved: Money.fromFen(d.resolved),
});

const isEmpty = (register: DebtRegister): boolean => register.open.size === 0 && register.settled.size === 0;

/**
 * 不良债务台账 as the year-end close carries it (`YearClosed.registers.debts`).
 * A village that never recorded a debt carries nothing (no `debts` key), so
 * its closes read as they did before the register existed, and a close
 * without the key opens an empty register.
 */
export const CarriedDebts = new t.Type<DebtRegister, t.OutputOf<typeof CarriedDebtsJson> | undefined>(
  'the carried debt register',
  (u): u is DebtRegister => typeof u === 'object' && u !== null && 'open' in u && 'settled' in u,
  (u, c) => {
    if (u === undefined) return t.success(emptyDebtRegister());
    const read = CarriedDebtsJson.validate(u, c);
    if (read._tag === 'Left') return read;
    return t.success({
      open: PersistentMap.from(read.right.open.map((d): [string, DebtRecord] => [d.debtId, recordOf(d)])),
      settled: PersistentMap.from(read.right.settled.map((s): [string, string] => [s.debtId, s.settledOn])),
    });
  },
  (register) =>
    isEmpty(register)
      ? undefined
      : CarriedDebtsJson.encode({
          open: [...register.open.values()].sort(byId).map(carriedOf) as t.TypeOf<typeof CarriedDebt>[],
          settled: [...register.settled].map(([debtId, settledOn]) => ({ debtId, settledOn })).sort(byId) as t.TypeOf<typeof CarriedSettled>[],
        }),
);
