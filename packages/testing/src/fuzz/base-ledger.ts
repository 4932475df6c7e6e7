/**
 * A small but whole village's books, written through the public commands: the
 * real ledger the fuzzer mutates. Organizations, households and members, a
 * chart with sub-accounts, the opening voucher and its year closed, a year of
 * vouchers with a reversal, an asset bought and depreciated, the year closed,
 * shares quantified, the income distributed and dividends paid in part.
 */
import {
  InMemoryEventStore,
  assets,
  coreCatalog,
  ledger,
  organization,
  shares,
  writeLedger,
  type CommandContext,
  type CommandOutcome,
  type DomainError,
  type DomainEvent,
} from '@collective-ledger/core';

const OPENED = '2023-12-31';
const VILLAGE = 'fz';

const checked = <E extends DomainEvent, Err extends DomainError>(outcome: CommandOutcome<E, Err>): void => {
  if (outcome._tag === 'Left') throw new Error(`the fuzzer's base ledger: ${outcome.left.code}: ${outcome.left.message}`);
};

/** Yuan from fen, for the amounts a seed varies. */
const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

const registerVillage = async (books: CommandContext, request: () => { commandId: string; actor: string }): Promise<void> => {
  const at = { occurredOn: OPENED };
  checked(await organization.registerOrganization(books, { ...request(), ...at, input: { organizationId: 'fz-d', kind: 'district', code: '9901', name: '测试区' } }));
  checked(await organization.registerOrganization(books, { ...request(), ...at, input: { organizationId: 'fz-t', kind: 'township', code: '990101', name: '测试镇', parentId: 'fz-d' } }));
  checked(await organization.registerOrganization(books, { ...request(), ...at, input: { organizationId: VILLAGE, kind: 'village', code: '990101201', name: '测试村', parentId: 'fz-t' } }));
  for (const [householdId, head] of [['h1', '赵一'], ['h2', '钱二']] as const) {
    checked(await organization.registerHousehold(books, { ...request(), ...at, input: { organizationId: VILLAGE, householdId, head } }));
  }
  for (const [memberId, householdId, name] of [['m1', 'h1', '赵一'], ['m2', 'h1', '赵小一'], ['m3', 'h2', '钱二']] as const) {
    checked(await organization.admitMember(books, { ...request(), input: { organizationId: VILLAGE, memberId, householdId, name, joinedOn: OPENED, reason: 'founding' } }));
  }
  for (const [code, nameZh] of [['15101', '经营性固定资产'], ['32201', '提取公积公益金'], ['32202', '成员分红'], ['32203', '未分配收益']] as const) {
    checked(await ledger.declareSubAccount(books, { ...request(), ...at, input: { organizationId: VILLAGE, code, nameZh } }));
  }
};

const postYear = async (books: CommandContext, request: () => { commandId: string; actor: string }, seed: number): Promise<void> => {
  type Line = readonly [string, 'debit' | 'credit', string];
  const post = async (voucher: { voucherNo: string; date: string; summary: string; reverses?: string }, lines: readonly Line[]): Promise<void> => {
    checked(await ledger.postVoucher(books, { ...request(), input: { organizationId: VILLAGE, ...voucher, lines: lines.map(([account, side, amount]) => ({ account, side, amount })) } }));
  };
  const rent = 5_000_000 + (seed % 997) * 1_001;
  await post({ voucherNo: '记-001', date: '2024-03-10', summary: '收到土地承包费' }, [['102', 'debit', yuan(rent)], ['501', 'credit', yuan(rent)]]);
  await post({ voucherNo: '记-002', date: '2024-04-15', summary: '村务管理费用' }, [['513', 'debit', '1800.00'], ['102', 'credit', '1800.00']]);
  await post({ voucherNo: '记-003', date: '2024-05-20', summary: '购买办公用品' }, [['513', 'debit', '300.00'], ['101', 'credit', '300.00']]);
  await post({ voucherNo: '记-004', date: '2024-05-21', summary: '冲销记-003', reverses: '记-003' }, [['101', 'debit', '300.00'], ['513', 'credit', '300.00']]);
  checked(
    await assets.acquireFixedAsset(books, {
      ...request(),
      input: {
        organizationId: VILLAGE,
        assetId: 'fa-1',
        name: '冷库',
        category: 'operating',
        acquisition: 'purchase',
        acquiredOn: '2024-06-18',
        cost: '12000.00',
        usefulLifeMonths: 60,
        residualRate: '5',
        method: 'straight-line',
        chargeAccount: '511',
      },
    }),
  );
  for (const month of ['2024-07', '2024-08', '2024-09']) checked(await assets.chargeDepreciation(books, { ...request(), input: { organizationId: VILLAGE, month } }));
};

const distribute = async (books: CommandContext, request: () => { commandId: string; actor: string }): Promise<void> => {
  checked(
    await shares.adoptShareCharter(books, {
      ...request(),
      input: {
        organizationId: VILLAGE,
        adoptedOn: OPENED,
        resolution: '成员大会决议〔2023〕1号',
        classes: [
          { classId: 'member', nameZh: '成员股', heldBy: 'member' },
          { classId: 'collective', nameZh: '集体股', heldBy: 'collective' },
        ],
        reservePercent: '10',
        onLeaving: 'keep',
        transfersAllowed: false,
      },
    }),
  );
  const allotments = [...['m1', 'm2', 'm3'].map((memberId) => ({ classId: 'member', memberId, shares: '1' })), { classId: 'collective', shares: '1' }];
  checked(await shares.quantifyShares(books, { ...request(), input: { organizationId: VILLAGE, baseDate: OPENED, resolution: '成员大会决议〔2023〕2号', operatingNetAssets: '50000.00', allotments } }));
  checked(await ledger.closeYear(books, { ...request(), input: { organizationId: VILLAGE, year: 2024 } }));
  checked(
    await shares.distributeIncome(books, {
      ...request(),
      input: {
        organizationId: VILLAGE,
        year: 2024,
        approvedOn: '2025-03-15',
        resolution: '成员大会决议〔2025〕1号',
        steps: [
          { kind: 'reserve', account: '32201' },
          { kind: 'dividends', account: '32202', percent: '50', recordDate: '2024-12-31' },
        ],
      },
    }),
  );
  checked(await shares.payDividends(books, { ...request(), input: { organizationId: VILLAGE, year: 2024, paidOn: '2025-03-28', account: '102', payments: [{ memberId: 'm1' }] } }));
};

/**
 * The base ledger's lines (NDJSON, each with its chain hash), its amounts
 * varied by `seed`; every event decided by a command. Its books break no rule.
 */
export const fuzzBaseLedger = async (seed = 0): Promise<string[]> => {
  const store = new InMemoryEventStore({ now: () => new Date('2025-04-01T08:00:00.000Z') });
  const books: CommandContext = { store, catalog: coreCatalog };
  let n = 0;
  const request = () => ({ commandId: `fuzz-${seed}-${(n += 1)}`, actor: '报账员' });
  await registerVillage(books, request);
  checked(
    await ledger.postVoucher(books, {
      ...request(),
      input: {
        organizationId: VILLAGE,
        voucherNo: '记-001',
        date: OPENED,
        summary: '建账：期初余额',
        lines: [
          { account: '101', side: 'debit', amount: '2000.00' },
          { account: '102', side: 'debit', amount: '48000.00' },
          { account: '301', side: 'credit', amount: '50000.00' },
        ],
      },
    }),
  );
  checked(await ledger.closeYear(books, { ...request(), input: { organizationId: VILLAGE, year: 2023 } }));
  await postYear(books, request, seed);
  await distribute(books, request);
  const lines: string[] = [];
  for await (const line of writeLedger(store.readAll())) lines.push(line.endsWith('\n') ? line.slice(0, -1) : line);
  return lines;
};
