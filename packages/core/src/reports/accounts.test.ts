import { describe, expect, it } from 'vitest';
import { Chart } from '../domain/ledger/chart/index.js';
import { chartOfAccounts } from './accounts.js';

describe('chartOfAccounts (会计科目表)', () => {
  it('lists the 42 standard accounts, in code order, all leaves', () => {
    const rows = chartOfAccounts(Chart.standard());
    expect(rows).toHaveLength(42);
    expect(rows[0]).toEqual({
      code: '101',
      nameZh: '库存现金',
      nameEn: 'cash on hand',
      category: 'asset',
      normalBalance: 'debit',
      contra: false,
      eitherSide: false,
      standard: true,
      mayBeOverdrawn: false,
      leaf: true,
      level: 1,
    });
    expect(rows.filter((r) => r.contra).map((r) => r.code)).toEqual(['133', '152', '162']);
  });

  it("adds a village's sub-accounts after their parent, which is no longer a leaf", () => {
    const rows = chartOfAccounts(Chart.standard().withSubAccount({ code: '15101', nameZh: '经营性固定资产', nameEn: 'operating fixed assets' }));
    const at = rows.findIndex((r) => r.code === '151');
    expect(rows.slice(at, at + 3).map((r) => [r.code, r.leaf, r.level, r.standard, r.normalBalance])).toEqual([
      ['151', false, 1, true, 'debit'],
      ['15101', true, 2, false, 'debit'],
      ['152', true, 1, true, 'credit'],
    ]);
  });
});
