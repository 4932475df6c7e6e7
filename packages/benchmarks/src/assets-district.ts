/**
 * A synthetic register for the assets benchmark: villages with fixed assets
 * bought at the start of year one and depreciated every month for ten years.
 * Events are written straight into the store, encoded and valid for the
 * catalog: each asset's card and purchase voucher, then each month one
 * `DepreciationCharged` per asset and the month's generated voucher, in the
 * village's ledger-year stream. The charges come from each card's
 * straight-line schedule; the generator keeps the exact sums the replay must
 * find again.
 */
import { Money, Rate, assets, type InMemoryEventStore, type JsonObject, type NewEvent } from '@collective-ledger/core';

export const FIRST_YEAR = 2015;
const RESIDUAL = Rate.fromPercent('5');

export interface AssetExpected {
  costFen: bigint;
  accumulatedFen: bigint;
}

let n = 0;
const uuid = (): string => `00000000-0000-4000-8000-${(n += 1).toString(16).padStart(12, '0')}`;
const event = (type: string, data: JsonObject, occurredOn: string): NewEvent => ({
  type,
  data,
  metadata: { eventId: uuid(), occurredOn, actor: 'bench', schemaVersion: 1 },
});

export const benchVillage = (v: number): string => `v-${String(v).padStart(4, '0')}`;

interface Card {
  readonly assetId: string;
  readonly cost: Money;
  readonly schedule: readonly Money[];
}

/** Asset `a` of a village: a cost between 50,000.00 and 5,000,000.00, a life of 15 to 40 years. */
const cardOf = (village: string, a: number): Card => {
  const cost = Money.fromFen(5_000_000n + BigInt((a * 7_919) % 495_000_000));
  const life = 12 * (15 + (a % 26));
  return { assetId: `${village}-f${a}`, cost, schedule: assets.straightLineSchedule(cost, RESIDUAL, life) };
};

const acquisition = (village: string, card: Card, a: number): NewEvent[] => {
  const date = `${FIRST_YEAR}-01-01`;
  const voucherNo = `资-${String(a + 1).padStart(4, '0')}`;
  return [
    event('FixedAssetAcquired', {
      organizationId: village, assetId: card.assetId, name: `资产${a}`, category: a % 5 === 0 ? 'non-operating' : 'operating', acquisition: 'purchase',
      acquiredOn: date, cost: card.cost.toString(), usefulLifeMonths: card.schedule.length, residualRate: '5', method: 'straight-line',
      costAccount: '151', depreciationAccount: '152', chargeAccount: a % 5 === 0 ? '514' : '511', creditAccount: '102', voucherNo,
    }, date),
    event('VoucherPosted', {
      organizationId: village, voucherNo, date, summary: '购入固定资产', origin: 'assets',
      lines: [{ account: '151', side: 'debit', amount: card.cost.toString() }, { account: '102', side: 'credit', amount: card.cost.toString() }],
    }, date),
  ];
};

/** One month's run of a village: a charge per asset, then one voucher (Dr 511 / 514, Cr 152). */
const run = (village: string, cards: readonly Card[], m: number, expected: AssetExpected): NewEvent[] => {
  const year = FIRST_YEAR + Math.floor(m / 12);
  const month = `${year}-${String((m % 12) + 1).padStart(2, '0')}`;
  const date = assets.lastDayOf(month);
  const voucherNo = `资-${String(10_000 + m).padStart(5, '0')}`;
  const debits = { '511': 0n, '514': 0n };
  const events = cards.map((card, a) => {
    const charge = card.schedule[m - 1] ?? Money.zero;
    debits[a % 5 === 0 ? '514' : '511'] += charge.toFen();
    expected.accumulatedFen += charge.toFen();
    return event('DepreciationCharged', { organizationId: village, assetId: card.assetId, month, amount: charge.toString(), voucherNo }, date);
  });
  const total = debits['511'] + debits['514'];
  const lines = [
    ...Object.entries(debits).filter(([, fen]) => fen > 0n).map(([account, fen]) => ({ account, side: 'debit', amount: Money.fromFen(fen).toString() })),
    { account: '152', side: 'credit', amount: Money.fromFen(total).toString() },
  ];
  return [...events, event('VoucherPosted', { organizationId: village, voucherNo, date, summary: `计提${month}固定资产折旧`, origin: 'assets', lines }, date)];
};

/** `villages` × `perVillage` assets, each depreciated from February of the first year for `months` months. */
export const appendAssetHistory = async (
  store: InMemoryEventStore,
  { villages, perVillage, months }: { readonly villages: number; readonly perVillage: number; readonly months: number },
): Promise<AssetExpected> => {
  const expected: AssetExpected = { costFen: 0n, accumulatedFen: 0n };
  for (let v = 0; v < villages; v += 1) {
    const village = benchVillage(v);
    const cards = Array.from({ length: perVillage }, (_, a) => cardOf(village, a));
    for (const card of cards) expected.costFen += card.cost.toFen();
    await store.append(`ledger-${village}-${FIRST_YEAR}`, cards.flatMap((card, a) => acquisition(village, card, a)));
    for (let m = 1; m <= months; m += 1) {
      const year = FIRST_YEAR + Math.floor(m / 12);
      await store.append(`ledger-${village}-${year}`, run(village, cards, m, expected));
    }
  }
  return expected;
};
