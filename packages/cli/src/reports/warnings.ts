import { warningsReport as definition, type ContractGroup, type ContractWarning, type WarningCounts, type WarningsReport } from '@collective-ledger/core';
import { groupSections } from './asset-options.js';
import { CONTRACT_LABELS } from './contract-labels.js';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';

const KIND = {
  zh: { expiring: '即将到期', 'term-ended': '期满未处理', overdue: '逾期未付', 'price-below-reference': '价格低于参考价', 'term-over-limit': '期限超过法定上限', 'double-letting': '一地多租' },
  en: { expiring: 'expiring', 'term-ended': 'term ended', overdue: 'overdue', 'price-below-reference': 'price below reference', 'term-over-limit': 'term over the limit', 'double-letting': 'let twice' },
} as const;

/** An overdue instalment as a warning line tells it. */
interface OverdueText {
  readonly no: number;
  readonly dueOn: string;
  readonly amount: string;
  readonly days: number;
  readonly band: string;
}

const LABELS = {
  zh: {
    title: (scope: string, on: string) => `合同预警  ${scope}  ${on}`,
    settings: (days: number, mu: string | undefined, m2: string | undefined) =>
      `到期预警 ${days} 天内；参考价 每亩每年 ${mu === undefined ? '未设' : `${mu} 元`}，每平方米每年 ${m2 === undefined ? '未设' : `${m2} 元`}`,
    columns: ['预警', '条数'],
    ageColumns: ['逾期账龄', '笔数', '尚欠（元）'],
    groupColumns: ['单位', '村数', '预警', ...Object.values(KIND.zh)],
    townships: '各乡镇',
    villages: '各村',
    lines: '预警明细',
    lineColumns: ['村', '合同编号', '对方', '预警', '情况'],
    all: '全部村',
    figures: {
      expiring: (f: { endsOn: string; daysLeft: number }) => `${f.endsOn} 到期，还有 ${f.daysLeft} 天`,
      termEnded: (f: { endsOn: string; daysSince: number }) => `${f.endsOn} 期满，已过 ${f.daysSince} 天`,
      overdue: (f: OverdueText) => `第 ${f.no} 期 ${f.dueOn} 应付，尚欠 ${f.amount} 元，逾期 ${f.days} 天（${f.band}）`,
      price: (price: string, unit: string, reference: string) => `每${unit}每年 ${price} 元，低于参考价 ${reference} 元`,
      limit: (years: number, endsOn: string, last: string) => `期限至 ${endsOn}，超过 ${years} 年（最晚 ${last}）`,
      twice: (subject: string, ids: string) => `${subject}：${ids}`,
    },
  },
  en: {
    title: (scope: string, on: string) => `Contract warnings  ${scope}  ${on}`,
    settings: (days: number, mu: string | undefined, m2: string | undefined) =>
      `expiring within ${days} days; reference price a mu a year ${mu === undefined ? 'not set' : `${mu} yuan`}, a m² a year ${m2 === undefined ? 'not set' : `${m2} yuan`}`,
    columns: ['warning', 'count'],
    ageColumns: ['overdue for', 'instalments', 'outstanding (yuan)'],
    groupColumns: ['unit', 'villages', 'warnings', ...Object.values(KIND.en)],
    townships: 'Townships',
    villages: 'Villages',
    lines: 'Warnings',
    lineColumns: ['village', 'contract', 'counterparty', 'warning', 'figures'],
    all: 'all villages',
    figures: {
      expiring: (f: { endsOn: string; daysLeft: number }) => `ends ${f.endsOn}, in ${f.daysLeft} days`,
      termEnded: (f: { endsOn: string; daysSince: number }) => `ended ${f.endsOn}, ${f.daysSince} days ago`,
      overdue: (f: OverdueText) => `instalment ${f.no} due ${f.dueOn}: ${f.amount} outstanding, ${f.days} days overdue (${f.band})`,
      price: (price: string, unit: string, reference: string) => `${price} a ${unit} a year, below the reference ${reference}`,
      limit: (years: number, endsOn: string, last: string) => `runs to ${endsOn}, over ${years} years (last lawful day ${last})`,
      twice: (subject: string, ids: string) => `${subject}: ${ids}`,
    },
  },
} as const;

const figuresText = ({ figures: f }: ContractWarning, lang: ReportLanguage, format: 'table' | 'csv'): string => {
  const t = LABELS[lang].figures;
  const c = CONTRACT_LABELS[lang];
  switch (f.kind) {
    case 'expiring':
      return t.expiring(f);
    case 'term-ended':
      return t.termEnded(f);
    case 'overdue':
      return t.overdue({ no: f.no, dueOn: f.dueOn, amount: format === 'table' ? f.outstanding.toDisplay() : f.outstanding.toString(), days: f.ageDays, band: c.band[f.band] });
    case 'price-below-reference':
      return t.price(f.pricePerYear.toString(), c.unit[f.unit], f.reference.toString());
    case 'term-over-limit':
      return t.limit(f.years, f.endsOn, f.lastLawfulDay);
    case 'double-letting':
      return t.twice(f.subject, f.contractIds.join(', '));
  }
};

const countsTable = (c: WarningCounts, lang: ReportLanguage): Table => ({
  columns: LABELS[lang].columns,
  numeric: LABELS[lang].columns.slice(1),
  rows: c.byKind.map((k) => [KIND[lang][k.kind], String(k.warnings)]),
});

const ageTable = (c: WarningCounts, lang: ReportLanguage): Table => ({
  columns: LABELS[lang].ageColumns,
  numeric: LABELS[lang].ageColumns.slice(1),
  rows: c.overdue.byAge.map((b) => [CONTRACT_LABELS[lang].band[b.band], String(b.instalments), b.outstanding.toDisplay()]),
});

const groupTable = (groups: readonly ContractGroup<WarningCounts>[], lang: ReportLanguage): Table => ({
  columns: LABELS[lang].groupColumns,
  numeric: LABELS[lang].groupColumns.slice(1),
  rows: groups.map(({ name, villages, figures: f }) => [name ?? LABELS[lang].all, String(villages), String(f.warnings), ...f.byKind.map((k) => String(k.warnings))]),
});

const lineTable = (report: WarningsReport, lang: ReportLanguage, format: 'table' | 'csv'): Table => ({
  columns: LABELS[lang].lineColumns,
  rows: report.lines.map((w) => [w.villageId, w.contractId, w.counterparty, KIND[lang][w.figures.kind], figuresText(w, lang, format)]),
});

const table = (report: WarningsReport, lang: ReportLanguage): string => {
  const l = LABELS[lang];
  const { total, settings: s } = report;
  const head = `${l.title(total.name ?? l.all, s.on)}\n${l.settings(s.withinDays, s.minPricePerMu?.toString(), s.minPricePerM2?.toString())}\n`;
  const groups = groupSections(l, groupTable(report.townships, lang), groupTable(report.villages, lang));
  return `${head}${renderTable(countsTable(total.figures, lang))}\n${renderTable(ageTable(total.figures, lang))}${groups}\n${l.lines}\n${renderTable(lineTable(report, lang, 'table'))}`;
};

/** `warnings`: 合同预警 counted by kind and overdue age, by township and village, then each warning. CSV lists the warnings. */
export const warningsReport = defineReport(definition, {
  table,
  csv: (report, lang) => renderCsv(lineTable(report, lang, 'csv')),
});
