import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Type-check a user's code against the BUILT declarations of core, as a
 * consumer's compiler sees them (no source condition): command inputs are
 * plain JSON, each input is a value (its codec) as well as a type, and a
 * mistyped key is a compile error. Needs `pnpm build` first.
 */
const root = resolve(import.meta.dirname, '../../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const consumer = `
import { assets, ledger, organization, shares } from '@collective-ledger/core';

const voucher: ledger.PostVoucherInput = {
  organizationId: 'v',
  voucherNo: '记-001',
  date: '2024-01-05',
  summary: '...',
  lines: [{ account: '101', side: 'debit', amount: '100.00' }, { account: '501', side: 'credit', amount: '100.00' }],
};
export const postedVoucher = ledger.PostVoucherInput.decode(voucher);
export const reversal: ledger.PostVoucherInput = {
  ...voucher,
  // @ts-expect-error a typo of reverses is no field of a voucher
  reverse: '记-001',
};
export const line: ledger.PostVoucherInput['lines'][number] = {
  side: 'debit',
  amount: '1.00',
  // @ts-expect-error a typo of account
  acount: '101',
};

const income: assets.RecordResourceIncomeInput = { organizationId: 'v', assetId: 'r1', receivedOn: '2024-03-01', amount: '1200.00', summary: '承包费' };
export const recordedIncome = assets.RecordResourceIncomeInput.decode(income);
// @ts-expect-error amounts are decimal strings, not numbers
export const badIncome: assets.RecordResourceIncomeInput = { ...income, amount: 1200 };

const village: organization.RegisterOrganizationInput = { organizationId: 'v', kind: 'village', code: '140105', name: '张家村', parentId: 't' };
export const registered = organization.RegisterOrganizationInput.decode(village);
// @ts-expect-error parentId, not parent
export const orphan: organization.RegisterOrganizationInput = { organizationId: 'v', kind: 'village', code: '1', name: '村', parent: 't' };

const payment: shares.PayDividendsInput = { organizationId: 'v', year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1', amount: '10.00' }] };
export const paid = shares.PayDividendsInput.decode(payment);
export const overpaid: shares.PayDividendsInput = {
  ...payment,
  // @ts-expect-error a typo of payments
  payment: [],
};

// A branded codec is a value and a type too.
export const code: ledger.AccountCode | undefined = ledger.AccountCode.is('101') ? ledger.AccountCode.encode('101' as ledger.AccountCode) as ledger.AccountCode : undefined;
`;

const compilerOptions = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  noEmit: true,
  types: [],
};

let app = '';

beforeAll(() => {
  if (!existsSync(join(root, 'packages/core/dist/index.d.ts'))) throw new Error('packages/core/dist is missing: run `pnpm build` first');
  app = mkdtempSync(join(tmpdir(), 'collective-ledger-types-'));
  mkdirSync(join(app, 'node_modules/@collective-ledger'), { recursive: true });
  symlinkSync(join(root, 'packages/core'), join(app, 'node_modules/@collective-ledger/core'), 'dir');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
  // The same code as an ES module (dist/index.d.ts) and as CommonJS (dist/index.d.cts).
  writeFileSync(join(app, 'app.ts'), consumer);
  writeFileSync(join(app, 'app.cts'), consumer);
});

afterAll(() => {
  if (app !== '') rmSync(app, { recursive: true, force: true });
});

const typecheck = (skipLibCheck: boolean): string => {
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, skipLibCheck }, files: ['app.ts', 'app.cts'] }));
  try {
    return execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? String(error);
  }
};

describe('built core declarations', () => {
  it('type-check plain-JSON command inputs, their codecs as values, and refuse a mistyped key', () => {
    expect(typecheck(true)).toBe('');
  });

  it('are themselves free of type errors under strict settings', () => {
    expect(typecheck(false)).toBe('');
  });

  it('would catch a wrong input: an unused @ts-expect-error is reported', () => {
    writeFileSync(join(app, 'app.ts'), `${consumer}\n// @ts-expect-error\nexport const fine: ledger.PostVoucherInput = voucher;\n`);
    try {
      expect(typecheck(true)).toMatch(/app\.ts\(\d+,\d+\): error TS2578: Unused '@ts-expect-error' directive/);
    } finally {
      writeFileSync(join(app, 'app.ts'), consumer);
    }
  });
});
