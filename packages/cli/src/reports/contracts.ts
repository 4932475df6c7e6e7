import { contractsReport as definition, type ContractLedger, type ContractLedgerEntry } from '@collective-ledger/core';
import { CONTRACT_LABELS } from './contract-labels.js';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { amountText } from './statement-options.js';

const LABELS = {
  zh: {
    title: (village: string, on: string) => `合同台账  ${village}  截至 ${on}`,
    columns: ['合同编号', '合同名称', '对方', '标的', '期限', '合同金额（元）', '单价（元/年）', '状态', '清理', '已收（元）', '尚欠（元）', '逾期（元）'],
    schedule: (id: string) => `${id} 收款计划`,
    scheduleColumns: ['期次', '应付日期', '金额（元）', '已确认收入', '已收（元）', '尚欠（元）', '逾期天数'],
    csvColumns: ['合同编号', '对方', '期次', '应付日期', '金额', '已确认收入', '已收', '尚欠', '逾期天数'],
    yes: '是',
    no: '否',
    per: (unit: string) => `/${unit}`,
  },
  en: {
    title: (village: string, on: string) => `Contract register  ${village}  as of ${on}`,
    columns: ['contract', 'title', 'counterparty', 'subject', 'term', 'amount (yuan)', 'price a year', 'status', 'review', 'received', 'outstanding', 'overdue'],
    schedule: (id: string) => `${id} schedule`,
    scheduleColumns: ['no', 'due on', 'amount', 'recognised', 'received', 'outstanding', 'days overdue'],
    csvColumns: ['contract', 'counterparty', 'no', 'due on', 'amount', 'recognised', 'received', 'outstanding', 'days overdue'],
    yes: 'yes',
    no: 'no',
    per: (unit: string) => ` a ${unit}`,
  },
} as const;

const reviewText = (e: ContractLedgerEntry, lang: ReportLanguage): string => {
  const c = CONTRACT_LABELS[lang];
  if (e.review === undefined) return '';
  return e.review.method === undefined ? c.standing[e.review.standing] : `${c.standing[e.review.standing]} (${c.method[e.review.method]})`;
};

const contractTable = (ledger: ContractLedger, lang: ReportLanguage): Table => {
  const l = LABELS[lang];
  const c = CONTRACT_LABELS[lang];
  return {
    columns: l.columns,
    numeric: [l.columns[5], l.columns[6], l.columns[9], l.columns[10], l.columns[11]],
    rows: ledger.entries.map((e) => {
      const { card } = e.view;
      const area = card.subject.area === undefined ? '' : ` ${card.subject.area.value.toFixed()} ${c.unit[card.subject.area.unit]}`;
      const price = e.pricePerYear === undefined ? '' : `${e.pricePerYear.amount.toDisplay()}${l.per(c.unit[e.pricePerYear.unit])}`;
      return [card.contractId, card.title, card.counterparty.name, `${card.subject.description}${area}`, `${card.startsOn}–${card.endsOn}`, e.scheduled.toDisplay(), price, c.contract[e.standing], reviewText(e, lang), e.received.toDisplay(), e.outstanding.toDisplay(), e.overdue.toDisplay()];
    }),
  };
};

const scheduleRows = (e: ContractLedgerEntry, lang: ReportLanguage, format: 'table' | 'csv'): string[][] =>
  e.instalments.map((i) => [String(i.no), i.dueOn, amountText(i.amount, format), i.recognised ? LABELS[lang].yes : LABELS[lang].no, amountText(i.received, format), amountText(i.outstanding, format), i.overdueDays === undefined ? '' : String(i.overdueDays)]);

const scheduleTable = (e: ContractLedgerEntry, lang: ReportLanguage): Table => {
  const columns = LABELS[lang].scheduleColumns;
  return { columns, numeric: [columns[2], columns[4], columns[5], columns[6]], rows: scheduleRows(e, lang, 'table') };
};

const table = (ledger: ContractLedger, lang: ReportLanguage): string => {
  const l = LABELS[lang];
  const schedules = ledger.entries.map((e) => `\n${l.schedule(e.view.card.contractId)}\n${renderTable(scheduleTable(e, lang))}`).join('');
  return `${l.title(ledger.village.name ?? ledger.village.id, ledger.on)}\n${renderTable(contractTable(ledger, lang))}${schedules}`;
};

/** CSV: one line per instalment of every contract. */
const csv = (ledger: ContractLedger, lang: ReportLanguage): string =>
  renderCsv({
    columns: LABELS[lang].csvColumns,
    rows: ledger.entries.flatMap((e) => scheduleRows(e, lang, 'csv').map((row) => [e.view.card.contractId, e.view.card.counterparty.name, ...row])),
  });

/** `contracts`: 合同台账 of one village, each contract then its schedule. CSV lists the instalments. */
export const contractsReport = defineReport(definition, { table, csv });
