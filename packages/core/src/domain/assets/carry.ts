import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { AreaMu, DecimalString, Percentage, Yuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
import { Money } from '../../money/money.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import type { AssetRegister, FixedAssetRecord, InvestmentRecord, ResourceRecord } from './asset-register.js';
import { AcquisitionKind, AssetCategory, DepreciationMethod, DisposalKind, IdentifiedBy, Month, ResourceKind } from './kinds.js';

/** An amount in fen, written as yuan (`"1234.50"`). */
const Fen = new t.Type<bigint, string>(
  'Fen',
  (u): u is bigint => typeof u === 'bigint',
  (u, c) => {
    const money = Yuan.validate(u, c);
    return money._tag === 'Left' ? money : t.success(money.right.toFen());
  },
  (fen) => Money.fromFen(fen).toString(),
);

const WholeNumber = new t.Type<number, number>(
  'a whole number of 0 or more',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
  (u, c) => (typeof u === 'number' && Number.isSafeInteger(u) && u >= 0 ? t.success(u) : t.failure(u, c, 'expected a whole number of 0 or more')),
  (n) => n,
);

const CarriedResource = struct(
  'a carried resource',
  { assetId: Id, name: NonEmptyString, kind: ResourceKind, area: AreaMu, registeredOn: IsoDate, identifiedBy: IdentifiedBy },
  { bookValue: Yuan },
);

const CarriedFixedAsset = struct(
  'a carried fixed asset',
  {
    assetId: Id,
    name: NonEmptyString,
    category: AssetCategory,
    acquisition: AcquisitionKind,
    acquiredOn: IsoDate,
    cost: Fen,
    residual: Fen,
    residualRate: Percentage,
    accumulated: Fen,
    usefulLifeMonths: WholeNumber,
    monthsCharged: WholeNumber,
    monthly: Fen,
    method: DepreciationMethod,
    unitsUsed: DecimalString,
    lastMonth: Month,
    costAccount: AccountCode,
    depreciationAccount: AccountCode,
    chargeAccount: AccountCode,
  },
  { totalUnits: DecimalString, disposedOn: IsoDate, disposal: DisposalKind },
);

const CarriedInvestment = struct(
  'a carried investment',
  { investmentId: Id, investee: NonEmptyString, madeOn: IsoDate, amount: Fen, investmentAccount: AccountCode },
  { recoveredOn: IsoDate },
);

/** The register as a close writes it: every record, in the order it was first recorded. */
const CarriedAssetsJson = t.type({
  resources: arrayOf(CarriedResource),
  fixed: arrayOf(CarriedFixedAsset),
  investments: arrayOf(CarriedInvestment),
});

/** Optional fields read back as `undefined`, as the register keeps them. */
const resourceOf = (r: t.TypeOf<typeof CarriedResource>): ResourceRecord => ({ ...r, bookValue: r.bookValue });
const fixedOf = (f: t.TypeOf<typeof CarriedFixedAsset>): FixedAssetRecord => ({
  ...f,
  totalUnits: f.totalUnits,
  disposedOn: f.disposedOn,
  disposal: f.disposal,
});
const investmentOf = (i: t.TypeOf<typeof CarriedInvestment>): InvestmentRecord => ({ ...i, recoveredOn: i.recoveredOn });

/** Drop the fields that are `undefined`, so the JSON has no such keys. */
const defined = <T extends object>(record: T): T =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;

/** 资产台账 as the year-end close carries it into the next year (`YearClosed.registers.assets`). */
export const CarriedAssets = new t.Type<AssetRegister, t.OutputOf<typeof CarriedAssetsJson>>(
  'the carried asset register',
  (u): u is AssetRegister => typeof u === 'object' && u !== null && 'fixed' in u && 'resources' in u && 'investments' in u,
  (u, c) => {
    const read = CarriedAssetsJson.validate(u, c);
    if (read._tag === 'Left') return read;
    const { resources, fixed, investments } = read.right;
    return t.success({
      resources: PersistentMap.from(resources.map((r): [string, ResourceRecord] => [r.assetId, resourceOf(r)])),
      fixed: PersistentMap.from(fixed.map((f): [string, FixedAssetRecord] => [f.assetId, fixedOf(f)])),
      investments: PersistentMap.from(investments.map((i): [string, InvestmentRecord] => [i.investmentId, investmentOf(i)])),
    });
  },
  (register) =>
    CarriedAssetsJson.encode({
      resources: [...register.resources.values()].map((r) => defined(r) as t.TypeOf<typeof CarriedResource>),
      fixed: [...register.fixed.values()].map((f) => defined(f) as t.TypeOf<typeof CarriedFixedAsset>),
      investments: [...register.investments.values()].map((i) => defined(i) as t.TypeOf<typeof CarriedInvestment>),
    }),
);
