/**
 * The lines of 资产负债表 (财会〔2023〕14号), as data: which accounts each line
 * adds up, and on which side. Every one of the 42 standard accounts is in
 * exactly one item line, so assets = liabilities + equity whenever the books
 * balance.
 */

/** Accounts by 3-digit root; `only` keeps the account codes whose balance is on that side (113 内部往来). */
export interface LinePart {
  readonly roots: readonly string[];
  readonly only?: 'debit' | 'credit';
}

export type BalanceSheetSection = 'assets' | 'liabilities' | 'equity';

export interface BalanceSheetLineDefinition {
  readonly key: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** `debit`: the line shows debit balances as positive (assets); `credit`: credit balances (liabilities, equity). */
  readonly side: 'debit' | 'credit';
  readonly parts: readonly LinePart[];
  /** `memo` lines are shown but not added into the total (their net is an item line). */
  readonly kind: 'item' | 'memo';
}

const line = (key: string, nameZh: string, nameEn: string, parts: readonly LinePart[] | readonly string[]): Omit<BalanceSheetLineDefinition, 'side'> => ({
  key,
  nameZh,
  nameEn,
  parts: parts.map((p): LinePart => (typeof p === 'string' ? { roots: [p] } : p)),
  kind: 'item',
});

const memo = (l: Omit<BalanceSheetLineDefinition, 'side'>): Omit<BalanceSheetLineDefinition, 'side'> => ({ ...l, kind: 'memo' });

const debitSide = (l: Omit<BalanceSheetLineDefinition, 'side'>): BalanceSheetLineDefinition => ({ ...l, side: 'debit' });
const creditSide = (l: Omit<BalanceSheetLineDefinition, 'side'>): BalanceSheetLineDefinition => ({ ...l, side: 'credit' });

export const ASSET_LINES: readonly BalanceSheetLineDefinition[] = [
  line('cash', '货币资金', 'Cash and deposits', ['101', '102']),
  line('shortTermInvestments', '短期投资', 'Short-term investments', ['111']),
  line('receivables', '应收款项', 'Receivables', [{ roots: ['112'] }, { roots: ['113'], only: 'debit' }]),
  line('inventory', '存货', 'Inventory', ['121', '401']),
  line('consumableBiologicalAssets', '消耗性生物资产', 'Consumable biological assets', ['131']),
  line('productiveBiologicalAssets', '生产性生物资产净值', 'Productive biological assets, net', ['132', '133']),
  line('publicWelfareBiologicalAssets', '公益性生物资产', 'Public-welfare biological assets', ['134']),
  line('longTermInvestments', '长期投资', 'Long-term investments', ['141']),
  memo(line('fixedAssetsCost', '固定资产原值', 'Fixed assets at cost', ['151'])),
  memo(line('accumulatedDepreciation', '减：累计折旧', 'Less: accumulated depreciation', ['152'])),
  line('fixedAssetsNet', '固定资产净值', 'Fixed assets, net', ['151', '152']),
  line('constructionInProgress', '在建工程', 'Construction in progress', ['153']),
  line('fixedAssetsInDisposal', '固定资产清理', 'Fixed assets in disposal', ['154']),
  line('intangibleAssets', '无形资产净值', 'Intangible assets, net', ['161', '162']),
  line('longTermPrepaidExpenses', '长期待摊费用', 'Long-term prepaid expenses', ['171']),
  line('assetsPendingDisposal', '待处理财产损溢', 'Assets pending disposal', ['181']),
].map((l) => (l.key === 'accumulatedDepreciation' ? creditSide(l) : debitSide(l)));

export const LIABILITY_LINES: readonly BalanceSheetLineDefinition[] = [
  line('shortTermLoans', '短期借款', 'Short-term loans', ['201']),
  line('payables', '应付款项', 'Payables', [{ roots: ['211'] }, { roots: ['113'], only: 'credit' }]),
  line('wagesPayable', '应付工资', 'Wages payable', ['212']),
  line('labourFeesPayable', '应付劳务费', 'Labour fees payable', ['213']),
  line('taxesPayable', '应交税费', 'Taxes payable', ['214']),
  line('longTermLoansAndPayables', '长期借款及应付款', 'Long-term loans and payables', ['221']),
  line('oneMatterOneDiscussionFunds', '一事一议资金', '"One matter, one discussion" funds', ['231']),
  line('specialPayables', '专项应付款', 'Special-purpose payables', ['241']),
].map(creditSide);

/** 损益类: until the year-end close carries them to 321, their balances are this year's income, in equity. */
export const PROFIT_AND_LOSS_ROOTS = ['501', '502', '503', '504', '511', '512', '513', '514', '515', '521'] as const;

export const EQUITY_LINES: readonly BalanceSheetLineDefinition[] = [
  line('capital', '资本', 'Capital', ['301']),
  line('reserve', '公积公益金', 'Accumulation and public-welfare reserve', ['311']),
  line('currentYearIncome', '本年收益', 'Current-year income', ['321', ...PROFIT_AND_LOSS_ROOTS]),
  line('undistributedIncome', '未分配收益', 'Undistributed income', ['322']),
].map(creditSide);

export const TOTAL_LABELS = {
  totalAssets: ['资产总计', 'Total assets'],
  totalLiabilities: ['负债合计', 'Total liabilities'],
  totalEquity: ['所有者权益合计', "Total owners' equity"],
  totalLiabilitiesAndEquity: ['负债和所有者权益总计', "Total liabilities and owners' equity"],
} as const;
