/**
 * The scale benchmark's ledger, written as an NDJSON file in one pass at
 * constant memory: a district of `villages` villages in townships of 100,
 * registered through the organization service, then `vouchers` vouchers a
 * year for each village for `years` years (a year's stream per village, as the
 * ledger keeps them), written line by line with the generator's exact sums.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { InMemoryEventStore, Money, coreCatalog, organization, writeLedger } from '@collective-ledger/core';

export const FIRST_YEAR = 2015;

export interface ScaleShape {
  readonly villages: number;
  readonly years: number;
  readonly vouchers: number;
}

export interface ScaleLedger {
  readonly events: number;
  /** 501 + 502 of every village in the last year, in fen. */
  readonly lastYearOperatingFen: bigint;
  readonly bytes: number;
}

const two = (n: number): string => String(n).padStart(2, '0');
const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const scaleVillage = (v: number): string => `v${String(v).padStart(6, '0')}`;
const township = (t: number): string => `t${String(t).padStart(4, '0')}`;

/**
 * Voucher `i` of a village's year, in groups of four on one amount: income
 * 501, investment income 502, an expense 511 of a quarter of both, cash
 * drawn of a twentieth. The bank account never goes below zero, as the rules
 * of the books require of 102 without an overdraft.
 */
const linesOf = (i: number, fen: bigint): [string, 'debit' | 'credit', bigint][] => {
  switch (i % 4) {
    case 0:
      return [['102', 'debit', fen], ['501', 'credit', fen]];
    case 1:
      return [['102', 'debit', fen], ['502', 'credit', fen]];
    case 2:
      return [['511', 'debit', fen / 2n], ['102', 'credit', fen / 2n]];
    default:
      return [['101', 'debit', fen / 10n], ['102', 'credit', fen / 10n]];
  }
};

const registrations = async (villages: number): Promise<string[]> => {
  const store = new InMemoryEventStore({ now: () => new Date(`${FIRST_YEAR}-01-01T08:00:00Z`) });
  const context = { store, catalog: coreCatalog };
  let n = 0;
  const one = async (input: organization.RegisterOrganizationInput): Promise<void> => {
    const result = await organization.registerOrganization(context, { commandId: `r-${(n += 1)}`, actor: 'bench', occurredOn: `${FIRST_YEAR}-01-01`, input });
    if (result._tag === 'Left') throw new Error(result.left.message);
  };
  await one({ organizationId: 'd', kind: 'district', code: '1', name: '基准省' });
  const townships = Math.ceil(villages / 100);
  for (let t = 0; t < townships; t += 1) await one({ organizationId: township(t), kind: 'township', code: `2${t}`, name: `第${t + 1}镇`, parentId: 'd' });
  for (let v = 0; v < villages; v += 1) {
    await one({ organizationId: scaleVillage(v), kind: 'village', code: scaleVillage(v), name: `第${v + 1}村`, parentId: township(Math.floor(v / 100)) });
  }
  const lines: string[] = [];
  for await (const line of writeLedger(store.readAll())) lines.push(line);
  return lines;
};

interface VillageYear {
  readonly village: string;
  readonly v: number;
  readonly year: number;
}

/** Voucher `i` of a village's year as a ledger line (no `recordedAt`, no hash: the import stamps them), and its 501 + 502. */
const voucherLine = ({ village, v, year }: VillageYear, i: number, n: number): { readonly line: string; readonly operatingFen: bigint } => {
  const date = `${year}-${two((i % 12) + 1)}-${two((i % 28) + 1)}`;
  // One amount for each group of four vouchers.
  const group = Math.floor(i / 4);
  const lines = linesOf(i, BigInt(1_000 + ((group * 7_919 + v * 104_729 + year) % 9_000_000)));
  const operatingFen = lines.reduce((sum, [account, , amount]) => (account === '501' || account === '502' ? sum + amount : sum), 0n);
  const data = { organizationId: village, voucherNo: `记-${String(i + 1).padStart(4, '0')}`, date, summary: '凭证', lines: lines.map(([account, side, amount]) => ({ account, side, amount: Money.fromFen(amount).toString() })) };
  const line = `${JSON.stringify({ streamId: `ledger-${village}-${year}`, type: 'VoucherPosted', data, metadata: { eventId: uuid(n), occurredOn: date, actor: 'bench', schemaVersion: 1 } })}\n`;
  return { line, operatingFen };
};

export const writeScaleLedger = async (path: string, shape: ScaleShape): Promise<ScaleLedger> => {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const organizations = await registrations(shape.villages);
  for (const line of organizations) await write(line);
  let events = organizations.length;
  let lastYearOperatingFen = 0n;
  const last = FIRST_YEAR + shape.years - 1;
  for (let year = FIRST_YEAR; year <= last; year += 1) {
    for (let v = 0; v < shape.villages; v += 1) {
      const which = { village: scaleVillage(v), v, year };
      let chunk = '';
      for (let i = 0; i < shape.vouchers; i += 1) {
        const voucher = voucherLine(which, i, (events += 1));
        lastYearOperatingFen += year === last ? voucher.operatingFen : 0n;
        chunk += voucher.line;
      }
      await write(chunk);
    }
  }
  out.end();
  await once(out, 'finish');
  return { events, lastYearOperatingFen, bytes };
};
