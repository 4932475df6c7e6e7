import { describe, expect, it } from 'vitest';
import { standardAccounts } from './accounts.js';

const byCode = new Map(standardAccounts.map((a) => [a.code, a]));

describe('standardAccounts (财会〔2023〕14号)', () => {
  it('holds exactly 42 accounts with unique 3-digit codes, in code order', () => {
    const codes = standardAccounts.map((a) => a.code);
    expect(codes).toHaveLength(42);
    expect(new Set(codes).size).toBe(42);
    expect(codes.every((c) => /^\d{3}$/.test(c))).toBe(true);
    expect([...codes].sort()).toEqual(codes);
    expect(standardAccounts.every((a) => a.standard && a.nameZh.length > 0 && a.nameEn.length > 0)).toBe(true);
  });

  it('is frozen, and so is every account', () => {
    expect(Object.isFrozen(standardAccounts)).toBe(true);
    expect(standardAccounts.every((a) => Object.isFrozen(a))).toBe(true);
  });

  it.each([
    ['101', '库存现金', 'asset', 'debit', false, false],
    ['113', '内部往来', 'asset', 'debit', false, true],
    ['133', '生产性生物资产累计折旧', 'asset', 'credit', true, false],
    ['152', '累计折旧', 'asset', 'credit', true, false],
    ['162', '累计摊销', 'asset', 'credit', true, false],
    ['181', '待处理财产损溢', 'asset', 'debit', false, true],
    ['214', '应交税费', 'liability', 'credit', false, true],
    ['241', '专项应付款', 'liability', 'credit', false, false],
    ['301', '资本', 'equity', 'credit', false, false],
    ['321', '本年收益', 'equity', 'credit', false, true],
    ['322', '收益分配', 'equity', 'credit', false, true],
    ['401', '生产(劳务)成本', 'cost', 'debit', false, false],
    ['502', '投资收益', 'income', 'credit', false, true],
    ['504', '其他收入', 'income', 'credit', false, false],
    ['511', '经营支出', 'expense', 'debit', false, false],
    ['521', '所得税费用', 'expense', 'debit', false, false],
  ] as const)('%s %s is %s with a %s balance (contra %s, either side %s)', (...row) => {
    const [code, nameZh, category, normalBalance, contra, eitherSide] = row;
    expect(byCode.get(code)).toMatchObject({ code, nameZh, category, normalBalance, contra, eitherSide, standard: true });
  });

  it('has exactly the contra accounts 133, 152, 162 and the either-side accounts of the system', () => {
    expect(standardAccounts.filter((a) => a.contra).map((a) => a.code)).toEqual(['133', '152', '162']);
    expect(standardAccounts.filter((a) => a.eitherSide).map((a) => a.code)).toEqual(['113', '154', '181', '214', '231', '321', '322', '502']);
  });

  it('counts accounts per category as the system does', () => {
    const count = (category: string) => standardAccounts.filter((a) => a.category === category).length;
    expect([count('asset'), count('liability'), count('equity'), count('cost'), count('income'), count('expense')]).toEqual([19, 8, 4, 1, 4, 6]);
  });
});
