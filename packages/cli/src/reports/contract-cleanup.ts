import { contractCleanupReport as definition, type CleanupFigures, type CleanupReport, type ContractGroup } from '@collective-ledger/core';
import { groupSections, rateText } from './asset-options.js';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { CONTRACT_LABELS } from './contract-labels.js';

const LABELS = {
  zh: {
    title: (scope: string, from: string | undefined, to: string) => `合同清理  ${scope}  ${from === undefined ? `截至 ${to}` : `${from} 至 ${to}`}`,
    columns: ['项目', '累计（份）', '本期（份）'],
    registered: '登记合同',
    live: '  其中在履行',
    flagged: '不规范合同',
    rectified: '已整改',
    terminated: '整改中解除',
    withdrawn: '撤销认定',
    pending: '尚待整改',
    needing: '需整改（不规范合同 − 撤销认定）',
    rate: '整改率（已整改 / 需整改）',
    groupColumns: ['单位', '村数', '登记', '不规范', '需整改', '已整改', '尚待整改', '整改率'],
    townships: '各乡镇',
    villages: '各村',
    contracts: '不规范合同',
    lineColumns: ['村', '合同编号', '合同名称', '对方', '认定日期', '原因', '状态', '处理日期'],
    all: '全部村',
  },
  en: {
    title: (scope: string, from: string | undefined, to: string) => `Contract clean-up  ${scope}  ${from === undefined ? `as of ${to}` : `${from} to ${to}`}`,
    columns: ['item', 'to date (contracts)', 'in the period'],
    registered: 'contracts registered',
    live: '  of them in force',
    flagged: 'flagged irregular',
    rectified: 'rectified',
    terminated: 'terminated after a flag',
    withdrawn: 'flags withdrawn',
    pending: 'pending',
    needing: 'needing rectification (flagged − withdrawn)',
    rate: 'rectification rate (rectified / needing)',
    groupColumns: ['unit', 'villages', 'registered', 'flagged', 'needing', 'rectified', 'pending', 'rate'],
    townships: 'Townships',
    villages: 'Villages',
    contracts: 'Flagged contracts',
    lineColumns: ['village', 'contract', 'title', 'counterparty', 'flagged on', 'reasons', 'standing', 'answered on'],
    all: 'all villages',
  },
} as const;

const mainTable = (f: CleanupFigures, lang: ReportLanguage): Table => {
  const l = LABELS[lang];
  const c = CONTRACT_LABELS[lang];
  const p = f.inPeriod;
  const n = (value: number | undefined): string => (value === undefined ? '' : String(value));
  const methodsInPeriod = new Map(p?.rectified.byMethod.map((m) => [m.method, m.contracts]));
  return {
    columns: l.columns,
    numeric: l.columns.slice(1),
    rows: [
      [l.registered, n(f.registered), n(p?.registered)],
      [l.live, n(f.live), ''],
      [l.flagged, n(f.flagged), n(p?.flagged)],
      ...f.byReason.map((r) => [`  ${c.reason[r.reason]}`, n(r.contracts), '']),
      [l.rectified, n(f.rectified.total), n(p?.rectified.total)],
      ...f.rectified.byMethod.map((m) => [`  ${c.method[m.method]}`, n(m.contracts), p === undefined ? '' : n(methodsInPeriod.get(m.method))]),
      [l.terminated, n(f.terminated), n(p?.terminated)],
      [l.withdrawn, n(f.withdrawn), n(p?.withdrawn)],
      [l.pending, n(f.pending), ''],
      [l.needing, n(f.needingRectification), ''],
      [l.rate, rateText(f.rate), ''],
    ],
  };
};

const groupTable = (groups: readonly ContractGroup<CleanupFigures>[], lang: ReportLanguage): Table => ({
  columns: LABELS[lang].groupColumns,
  numeric: LABELS[lang].groupColumns.slice(1),
  rows: groups.map(({ name, villages, figures: f }) =>
    [name ?? LABELS[lang].all, String(villages), String(f.registered), String(f.flagged), String(f.needingRectification), String(f.rectified.total), String(f.pending), rateText(f.rate)],
  ),
});

const lineTable = (report: CleanupReport, lang: ReportLanguage): Table => {
  const c = CONTRACT_LABELS[lang];
  return {
    columns: LABELS[lang].lineColumns,
    rows: report.lines.map((f) => [
      f.villageId,
      f.view.card.contractId,
      f.view.card.title,
      f.view.card.counterparty.name,
      f.lastFlaggedOn,
      f.reasons.map((r) => c.reason[r]).join('; '),
      f.method === undefined ? c.standing[f.standing] : `${c.standing[f.standing]} (${c.method[f.method]})`,
      f.answeredOn ?? '',
    ]),
  };
};

const table = (report: CleanupReport, lang: ReportLanguage): string => {
  const l = LABELS[lang];
  const { total, period } = report;
  const groups = groupSections(l, groupTable(report.townships, lang), groupTable(report.villages, lang));
  return `${l.title(total.name ?? l.all, period.from, period.to)}\n${renderTable(mainTable(total.figures, lang))}${groups}\n${l.contracts}\n${renderTable(lineTable(report, lang))}`;
};

/** `contract-cleanup`: 合同清理, by township and village, then the flagged contracts. CSV lists the flagged contracts. */
export const contractCleanupReport = defineReport(definition, {
  table,
  csv: (report, lang) => renderCsv(lineTable(report, lang)),
});
