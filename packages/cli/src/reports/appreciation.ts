import {
  APPRECIATION_DECREASES,
  APPRECIATION_INCREASES,
  appreciationReport as appreciationDefinition,
  type Appreciation,
  type AppreciationGroup,
  type AppreciationReport,
  type Money,
} from '@collective-ledger/core';
import { groupSections, rateText } from './asset-options.js';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { amountText, periodTitle } from './statement-options.js';

type Increase = keyof Appreciation['increases'];
type Decrease = keyof Appreciation['decreases'];

const LABELS = {
  zh: {
    title: '资产保值增值',
    columns: ['项目', '金额（元）'],
    opening: '年初所有者权益',
    closing: '年末所有者权益',
    increases: '客观增加因素',
    decreases: '客观减少因素',
    increase: { capitalInjected: '追加投入资本', transfersIn: '无偿划入', subsidies: '补助形成资产', donations: '接受捐赠', stockTakeGains: '清产核资盘盈', revaluationGains: '资产评估增值', total: '客观增加合计' },
    decrease: { transfersOut: '无偿调出', stockTakeLosses: '清产核资盘亏', revaluationLosses: '资产评估减值', forceMajeure: '不可抗力损失', total: '客观减少合计' },
    adjusted: '剔除客观因素后的年末所有者权益',
    rate: '资产保值增值率',
    verdicts: { appreciated: '增值', preserved: '保值', 'lost-value': '减值' },
    noRate: '无年初所有者权益，不计算',
    groupColumns: ['单位', '村数', '年初所有者权益', '年末所有者权益', '客观增加', '客观减少', '保值增值率', '结论'],
    townships: '各乡镇',
    villages: '各村',
    code: '代码',
    village: '村',
    all: '全部村',
  },
  en: {
    title: 'Value preservation and appreciation',
    columns: ['item', 'amount (yuan)'],
    opening: "owners' equity at the start of the year",
    closing: "owners' equity at the end of the year",
    increases: 'objective increases',
    decreases: 'objective decreases',
    increase: { capitalInjected: 'capital injected', transfersIn: 'free transfers in', subsidies: 'subsidies forming assets', donations: 'donations', stockTakeGains: 'stock-take gains', revaluationGains: 'revaluation gains', total: 'objective increases, total' },
    decrease: { transfersOut: 'free transfers out', stockTakeLosses: 'stock-take losses', revaluationLosses: 'revaluation losses', forceMajeure: 'force majeure', total: 'objective decreases, total' },
    adjusted: "owners' equity at the end of the year without the objective factors",
    rate: 'preservation and appreciation rate',
    verdicts: { appreciated: 'appreciated', preserved: 'preserved', 'lost-value': 'lost value' },
    noRate: 'no opening equity: no rate',
    groupColumns: ['unit', 'villages', 'opening equity', 'closing equity', 'objective increases', 'objective decreases', 'rate', 'verdict'],
    townships: 'Townships',
    villages: 'Villages',
    code: 'code',
    village: 'village',
    all: 'all villages',
  },
} as const;

const INCREASES: readonly Increase[] = APPRECIATION_INCREASES;
const DECREASES: readonly Decrease[] = APPRECIATION_DECREASES;

const verdictText = (a: Appreciation, lang: ReportLanguage): string => (a.verdict === undefined ? LABELS[lang].noRate : LABELS[lang].verdicts[a.verdict]);

const rows = (a: Appreciation, lang: ReportLanguage): string[][] => {
  const l = LABELS[lang];
  const m = (amount: Money): string => amount.toDisplay();
  return [
    [l.opening, m(a.openingEquity)],
    [l.closing, m(a.closingEquity)],
    [l.increases, ''],
    ...INCREASES.map((key) => [`  ${l.increase[key]}`, m(a.increases[key])]),
    [l.decreases, ''],
    ...DECREASES.map((key) => [`  ${l.decrease[key]}`, m(a.decreases[key])]),
    [l.adjusted, m(a.adjustedClosingEquity)],
    [l.rate, `${rateText(a.rate)} ${verdictText(a, lang)}`],
  ];
};

/** Townships: name and number of villages; villages: code and name. Then the figures of each. */
const groupTable = (groups: readonly AppreciationGroup[], lang: ReportLanguage, format: 'table' | 'csv', of: 'townships' | 'villages'): Table => {
  const l = LABELS[lang];
  const head = of === 'townships' ? l.groupColumns.slice(0, 2) : [l.code, l.village];
  const figures = l.groupColumns.slice(2);
  return {
    columns: [...head, ...figures],
    numeric: [...(of === 'townships' ? [l.groupColumns[1]] : []), ...figures.slice(0, 5)],
    rows: groups.map(({ code, name, appreciation: a }) => [
      ...(of === 'townships' ? [name ?? l.all, String(a.villages)] : [code ?? '', name ?? '']),
      amountText(a.openingEquity, format),
      amountText(a.closingEquity, format),
      amountText(a.increases.total, format),
      amountText(a.decreases.total, format),
      rateText(a.rate),
      verdictText(a, lang),
    ]),
  };
};

const table = (report: AppreciationReport, lang: ReportLanguage): string => {
  const l = LABELS[lang];
  const title = `${l.title}  ${report.total.name ?? l.all}  ${periodTitle(report.window, lang)}`;
  const main = renderTable({ columns: l.columns, numeric: [l.columns[1]], rows: rows(report.total.appreciation, lang) });
  const groups = groupSections(l, groupTable(report.townships, lang, 'table', 'townships'), groupTable(report.villages, lang, 'table', 'villages'));
  return `${title}\n${main}${groups}`;
};

/**
 * `appreciation`: 资产保值增值 of `--year`: opening and closing owners' equity,
 * the objective increases and decreases by kind, and the rate with its
 * verdict, for the scope and each township and village.
 */
export const appreciationReport = defineReport(appreciationDefinition, {
  table,
  csv: (report, lang) => renderCsv(groupTable(report.villages, lang, 'csv', 'villages')),
});
