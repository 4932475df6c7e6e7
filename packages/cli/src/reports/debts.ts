import { debtsReport as debtsDefinition, type DebtFigures, type DebtGroup, type DebtsReport } from '@collective-ledger/core';
import { groupSections, rateText } from './asset-options.js';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { amountText } from './statement-options.js';

const LABELS = {
  zh: {
    title: (scope: string, from: string | undefined, to: string) => `不良债务化解  ${scope}  ${from === undefined ? `截至 ${to}` : `${from} 至 ${to}`}`,
    columns: ['项目', '累计（元）', '本期（元）'],
    recorded: '不良债务登记',
    resolved: '已化解',
    method: { repayment: '  偿还', restructuring: '  债务重组', offset: '  抵销', 'write-off': '  核销' },
    outstanding: '尚未化解',
    rate: '化解率',
    counts: (f: DebtFigures) => `债务笔数 ${f.debts}，其中尚未化解 ${f.openDebts}`,
    groupColumns: ['单位', '村数', '登记（元）', '已化解（元）', '尚未化解（元）', '化解率'],
    townships: '各乡镇',
    villages: '各村',
    debts: '各笔债务',
    debtColumns: ['村', '债务编号', '债权人', '科目', '登记日期', '金额（元）', '化解', '已化解（元）', '尚未化解（元）'],
    all: '全部村',
  },
  en: {
    title: (scope: string, from: string | undefined, to: string) => `Non-performing debts and their resolution  ${scope}  ${from === undefined ? `as of ${to}` : `${from} to ${to}`}`,
    columns: ['item', 'to date (yuan)', 'in the period (yuan)'],
    recorded: 'debts recorded',
    resolved: 'resolved',
    method: { repayment: '  repaid', restructuring: '  restructured', offset: '  offset', 'write-off': '  written off' },
    outstanding: 'outstanding',
    rate: 'resolution rate',
    counts: (f: DebtFigures) => `${f.debts} debts, ${f.openDebts} still outstanding`,
    groupColumns: ['unit', 'villages', 'recorded', 'resolved', 'outstanding', 'rate'],
    townships: 'Townships',
    villages: 'Villages',
    debts: 'Debts',
    debtColumns: ['village', 'debt', 'creditor', 'account', 'recorded on', 'amount', 'resolutions', 'resolved', 'outstanding'],
    all: 'all villages',
  },
} as const;

const mainTable = (f: DebtFigures, lang: ReportLanguage): Table => {
  const l = LABELS[lang];
  const inPeriod = new Map(f.resolvedInPeriod.byMethod.map((m) => [m.method, m.amount]));
  return {
    columns: l.columns,
    numeric: l.columns.slice(1),
    rows: [
      [l.recorded, f.recorded.toDisplay(), f.recordedInPeriod.toDisplay()],
      [l.resolved, f.resolved.total.toDisplay(), f.resolvedInPeriod.total.toDisplay()],
      ...f.resolved.byMethod.map((m) => [l.method[m.method], m.amount.toDisplay(), inPeriod.get(m.method)?.toDisplay() ?? '']),
      [l.outstanding, f.outstanding.toDisplay(), ''],
      [l.rate, rateText(f.rate), ''],
    ],
  };
};

const groupTable = (groups: readonly DebtGroup[], lang: ReportLanguage): Table => ({
  columns: LABELS[lang].groupColumns,
  numeric: LABELS[lang].groupColumns.slice(1),
  rows: groups.map(({ name, figures: f }) => [name ?? LABELS[lang].all, String(f.villages), f.recorded.toDisplay(), f.resolved.total.toDisplay(), f.outstanding.toDisplay(), rateText(f.rate)]),
});

const debtTable = (report: DebtsReport, lang: ReportLanguage, format: 'table' | 'csv'): Table => {
  const l = LABELS[lang];
  return {
    columns: l.debtColumns,
    numeric: [l.debtColumns[5], l.debtColumns[7], l.debtColumns[8]],
    rows: report.debts.map((d) => [
      d.debt.villageId,
      d.debt.debtId,
      d.debt.creditor.name,
      d.debt.account,
      d.debt.recordedOn,
      amountText(d.debt.amount, format),
      d.resolutions.map((r) => `${r.resolvedOn} ${l.method[r.method].trim()} ${amountText(r.amount, format)}`).join('; '),
      amountText(d.resolved, format),
      amountText(d.outstanding, format),
    ]),
  };
};

const table = (report: DebtsReport, lang: ReportLanguage): string => {
  const l = LABELS[lang];
  const { total, period } = report;
  const head = `${l.title(total.name ?? l.all, period.from, period.to)}\n${l.counts(total.figures)}\n`;
  const groups = groupSections(l, groupTable(report.townships, lang), groupTable(report.villages, lang));
  return `${head}${renderTable(mainTable(total.figures, lang))}${groups}\n${l.debts}\n${renderTable(debtTable(report, lang, 'table'))}`;
};

/**
 * `debts`: 不良债务化解 up to `--as-of` or the end of `--year`: recorded,
 * resolved by method, outstanding and the rate, by township and village, then
 * each debt with its resolutions. CSV lists the debts.
 */
export const debtsReport = defineReport(debtsDefinition, {
  table,
  csv: (report, lang) => renderCsv(debtTable(report, lang, 'csv')),
});
