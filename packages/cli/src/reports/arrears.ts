import { arrearsReport as definition, type ArrearsFigures, type ArrearsReport, type ContractGroup } from '@collective-ledger/core';
import { groupSections, rateText } from './asset-options.js';
import { CONTRACT_LABELS } from './contract-labels.js';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { amountText } from './statement-options.js';

const LABELS = {
  zh: {
    title: (scope: string, from: string, to: string) => `欠款清收  ${scope}  ${from} 至 ${to}`,
    columns: ['项目', '金额（元）'],
    opening: '期初欠款',
    fallen: '本期新增逾期',
    overdue: '应收逾期款（清欠率分母）',
    collected: '已清收（清欠率分子）',
    rate: '清欠率',
    outstanding: '期末尚欠',
    ageColumns: ['账龄', '笔数', '期末尚欠（元）'],
    partyColumns: ['对方', '合同数', '逾期（元）', '已清收（元）', '期末尚欠（元）', '清欠率'],
    groupColumns: ['单位', '村数', '逾期（元）', '已清收（元）', '期末尚欠（元）', '清欠率'],
    byAge: '按账龄',
    byParty: '按对方',
    townships: '各乡镇',
    villages: '各村',
    contracts: '欠款合同',
    lineColumns: ['村', '合同编号', '对方', '期初欠款', '本期新增逾期', '逾期', '已清收', '期末尚欠', '清欠率'],
    all: '全部村',
  },
  en: {
    title: (scope: string, from: string, to: string) => `Arrears collection  ${scope}  ${from} to ${to}`,
    columns: ['item', 'amount (yuan)'],
    opening: 'arrears at the start',
    fallen: 'fallen overdue in the period',
    overdue: 'overdue (the rate’s denominator)',
    collected: 'collected (the rate’s numerator)',
    rate: 'collection rate',
    outstanding: 'outstanding at the end',
    ageColumns: ['age', 'instalments', 'outstanding (yuan)'],
    partyColumns: ['counterparty', 'contracts', 'overdue', 'collected', 'outstanding', 'rate'],
    groupColumns: ['unit', 'villages', 'overdue', 'collected', 'outstanding', 'rate'],
    byAge: 'By age',
    byParty: 'By counterparty',
    townships: 'Townships',
    villages: 'Villages',
    contracts: 'Contracts in arrears',
    lineColumns: ['village', 'contract', 'counterparty', 'opening arrears', 'fallen overdue', 'overdue', 'collected', 'outstanding', 'rate'],
    all: 'all villages',
  },
} as const;

const mainTable = (f: ArrearsFigures, lang: ReportLanguage): Table => {
  const l = LABELS[lang];
  return {
    columns: l.columns,
    numeric: l.columns.slice(1),
    rows: [
      [l.opening, f.openingArrears.toDisplay()],
      [l.fallen, f.fallenOverdue.toDisplay()],
      [l.overdue, f.overdue.toDisplay()],
      [l.collected, f.collected.toDisplay()],
      [l.rate, rateText(f.rate)],
      [l.outstanding, f.outstanding.toDisplay()],
    ],
  };
};

const ageTable = (f: ArrearsFigures, lang: ReportLanguage): Table => ({
  columns: LABELS[lang].ageColumns,
  numeric: LABELS[lang].ageColumns.slice(1),
  rows: f.byAge.map((b) => [CONTRACT_LABELS[lang].band[b.band], String(b.instalments), b.outstanding.toDisplay()]),
});

const partyTable = (f: ArrearsFigures, lang: ReportLanguage): Table => ({
  columns: LABELS[lang].partyColumns,
  numeric: LABELS[lang].partyColumns.slice(1),
  rows: f.byCounterparty.map((c) => [c.name, String(c.contracts), c.overdue.toDisplay(), c.collected.toDisplay(), c.outstanding.toDisplay(), rateText(c.rate)]),
});

const groupTable = (groups: readonly ContractGroup<ArrearsFigures>[], lang: ReportLanguage): Table => ({
  columns: LABELS[lang].groupColumns,
  numeric: LABELS[lang].groupColumns.slice(1),
  rows: groups.map(({ name, villages, figures: f }) => [name ?? LABELS[lang].all, String(villages), f.overdue.toDisplay(), f.collected.toDisplay(), f.outstanding.toDisplay(), rateText(f.rate)]),
});

const lineTable = (report: ArrearsReport, lang: ReportLanguage, format: 'table' | 'csv'): Table => {
  const columns = LABELS[lang].lineColumns;
  const money = (m: Parameters<typeof amountText>[0]) => amountText(m, format);
  return {
    columns,
    numeric: columns.slice(3),
    rows: report.lines.map((c) => [c.villageId, c.contractId, c.counterparty.name, money(c.openingArrears), money(c.fallenOverdue), money(c.overdue), money(c.collected), money(c.outstanding), rateText(c.rate)]),
  };
};

const table = (report: ArrearsReport, lang: ReportLanguage): string => {
  const l = LABELS[lang];
  const { total, period } = report;
  const head = `${l.title(total.name ?? l.all, period.from, period.to)}\n${renderTable(mainTable(total.figures, lang))}`;
  const breakdowns = `\n${l.byAge}\n${renderTable(ageTable(total.figures, lang))}\n${l.byParty}\n${renderTable(partyTable(total.figures, lang))}`;
  const groups = groupSections(l, groupTable(report.townships, lang), groupTable(report.villages, lang));
  return `${head}${breakdowns}${groups}\n${l.contracts}\n${renderTable(lineTable(report, lang, 'table'))}`;
};

/** `arrears`: 欠款清收 with the outstanding by age and counterparty, by township and village, then the contracts in arrears. CSV lists the contracts. */
export const arrearsReport = defineReport(definition, {
  table,
  csv: (report, lang) => renderCsv(lineTable(report, lang, 'csv')),
});
