/**
 * The 42 accounts (会计科目) of the accounting system for rural collective
 * economic organizations, 财会〔2023〕14号 (docs/chart-of-accounts.md).
 */

/** 资产类, 负债类, 所有者权益类, 成本类 (401 only) and 损益类 split into income and expense. */
export type AccountCategory = 'asset' | 'liability' | 'equity' | 'cost' | 'income' | 'expense';

/** The side an account's balance normally sits on (借 / 贷). */
export type NormalBalance = 'debit' | 'credit';

export interface AccountDefinition {
  /** `102`, or a sub-account extending one by pairs of digits (`15101`). */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly category: AccountCategory;
  readonly normalBalance: NormalBalance;
  /** 备抵科目: a contra-asset account with a credit balance (133, 152, 162). */
  readonly contra: boolean;
  /** The balance may end on either side (113, 154, 181, 214, 231, 321, 322, 502). */
  readonly eitherSide: boolean;
  /** One of the 42 accounts of the 2023 system (false for a village's sub-accounts). */
  readonly standard: boolean;
  /** A bank account (under 102) the village's chart lets end a voucher with a credit balance (an overdraft). */
  readonly mayBeOverdrawn: boolean;
}

const CONTRA = new Set(['133', '152', '162']);
const EITHER_SIDE = new Set(['113', '154', '181', '214', '231', '321', '322', '502']);

const byFirstDigit: Readonly<Record<string, AccountCategory>> = { '1': 'asset', '2': 'liability', '3': 'equity', '4': 'cost' };

/** The category follows the code: 1 assets, 2 liabilities, 3 equity, 4 cost, 501–504 income, 511–521 expenses. */
const categoryOf = (code: string): AccountCategory =>
  byFirstDigit[code.slice(0, 1)] ?? (code < '510' ? 'income' : 'expense');

const debitCategories: ReadonlySet<AccountCategory> = new Set<AccountCategory>(['asset', 'cost', 'expense']);

const standard = (code: string, nameZh: string, nameEn: string): AccountDefinition => {
  const category = categoryOf(code);
  const contra = CONTRA.has(code);
  return Object.freeze({
    code,
    nameZh,
    nameEn,
    category,
    normalBalance: debitCategories.has(category) && !contra ? 'debit' : 'credit',
    contra,
    eitherSide: EITHER_SIDE.has(code),
    standard: true,
    mayBeOverdrawn: false,
  });
};

/** The 42 standard accounts, in code order. */
export const standardAccounts: readonly AccountDefinition[] = Object.freeze([
  standard('101', '库存现金', 'cash on hand'),
  standard('102', '银行存款', 'bank deposits'),
  standard('111', '短期投资', 'short-term investments'),
  standard('112', '应收款', 'receivables'),
  standard('113', '内部往来', 'internal accounts'),
  standard('121', '库存物资', 'inventory'),
  standard('131', '消耗性生物资产', 'consumable biological assets'),
  standard('132', '生产性生物资产', 'productive biological assets'),
  standard('133', '生产性生物资产累计折旧', 'accumulated depreciation of productive biological assets'),
  standard('134', '公益性生物资产', 'public-welfare biological assets'),
  standard('141', '长期投资', 'long-term investments'),
  standard('151', '固定资产', 'fixed assets'),
  standard('152', '累计折旧', 'accumulated depreciation'),
  standard('153', '在建工程', 'construction in progress'),
  standard('154', '固定资产清理', 'fixed assets in disposal'),
  standard('161', '无形资产', 'intangible assets'),
  standard('162', '累计摊销', 'accumulated amortisation'),
  standard('171', '长期待摊费用', 'long-term prepaid expenses'),
  standard('181', '待处理财产损溢', 'assets pending disposal'),
  standard('201', '短期借款', 'short-term loans'),
  standard('211', '应付款', 'payables'),
  standard('212', '应付工资', 'wages payable'),
  standard('213', '应付劳务费', 'labour fees payable'),
  standard('214', '应交税费', 'taxes payable'),
  standard('221', '长期借款及应付款', 'long-term loans and payables'),
  standard('231', '一事一议资金', '"one matter, one discussion" funds'),
  standard('241', '专项应付款', 'special-purpose payables'),
  standard('301', '资本', 'capital'),
  standard('311', '公积公益金', 'accumulation and public-welfare reserve'),
  standard('321', '本年收益', 'current-year income'),
  standard('322', '收益分配', 'income distribution'),
  standard('401', '生产(劳务)成本', 'production / service cost'),
  standard('501', '经营收入', 'operating income'),
  standard('502', '投资收益', 'investment income'),
  standard('503', '补助收入', 'subsidy income'),
  standard('504', '其他收入', 'other income'),
  standard('511', '经营支出', 'operating expenses'),
  standard('512', '税金及附加', 'taxes and surcharges'),
  standard('513', '管理费用', 'administrative expenses'),
  standard('514', '公益支出', 'public-welfare expenditure'),
  standard('515', '其他支出', 'other expenses'),
  standard('521', '所得税费用', 'income tax expense'),
]);
