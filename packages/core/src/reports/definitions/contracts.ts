import { contractLedgerOf, type ContractLedger, type ContractLedgerEntry } from '../contract-ledger.js';
import { contractsProjection } from '../contract-projection.js';
import { counterpartyJson, subjectJson } from './contract-json.js';
import { defineReport, ReportOptionError } from './definition.js';
import { checkAsOfInYear, checkedScope, langOf, registerDate, type LanguageOption } from './options.js';

const NAME = 'contracts';

/** The register of one village on `asOf` or at the end of `year`. */
export interface ContractsReportOptions extends LanguageOption {
  readonly village?: string;
  readonly year?: number;
  readonly asOf?: string;
}

const villageOf = (options: ContractsReportOptions): string => {
  if (options.village === undefined) throw new ReportOptionError(`${NAME} needs --village: a contract register belongs to one village`);
  return options.village;
};

const entryJson = (e: ContractLedgerEntry) => {
  const { card } = e.view;
  return {
    contractId: card.contractId,
    title: card.title,
    category: card.category,
    counterparty: counterpartyJson(card.counterparty),
    subject: subjectJson(card.subject),
    signedOn: card.signedOn,
    registeredOn: card.registeredOn,
    startsOn: card.startsOn,
    endsOn: card.endsOn,
    standing: e.standing,
    endedOn: card.endedOn ?? null,
    review: e.review === undefined ? null : { standing: e.review.standing, reasons: e.review.reasons, method: e.review.method ?? null, lastFlaggedOn: e.review.lastFlaggedOn, answeredOn: e.review.answeredOn ?? null },
    scheduled: e.scheduled.toString(),
    pricePerYear: e.pricePerYear === undefined ? null : { unit: e.pricePerYear.unit, amount: e.pricePerYear.amount.toString() },
    due: e.due.toString(),
    received: e.received.toString(),
    outstanding: e.outstanding.toString(),
    overdue: e.overdue.toString(),
    prepaid: e.prepaid.toString(),
    instalments: e.instalments.map((i) => ({
      no: i.no,
      dueOn: i.dueOn,
      amount: i.amount.toString(),
      recognised: i.recognised,
      received: i.received.toString(),
      outstanding: i.outstanding.toString(),
      overdueDays: i.overdueDays ?? null,
    })),
  };
};

/** JSON keys in this order: report, lang, village{id, code, name}, asOf, contracts. */
const toJson = (ledger: ContractLedger, options: ContractsReportOptions) => ({
  report: NAME,
  lang: langOf(options),
  village: { id: ledger.village.id, code: ledger.village.code ?? null, name: ledger.village.name ?? null },
  asOf: ledger.on,
  contracts: ledger.entries.map(entryJson),
});

export type ContractsJson = ReturnType<typeof toJson>;

/**
 * `contracts`: 合同台账 of one village on `asOf` (or at the end of `year`):
 * each contract's counterparty, subject, term, price, standing and review,
 * and its schedule on that date, instalment by instalment.
 */
export const contractsReport = defineReport({
  name: NAME,
  description: 'contract register (合同台账) of --village as of --as-of or the end of --year, with each schedule',
  options: ['asOf', 'year', 'village', 'lang'],
  refusals: {
    from: 'it is the register on one date; give --as-of',
    township: 'a contract register belongs to one village; use --village',
  },
  check: (options: ContractsReportOptions) => {
    checkAsOfInYear(options);
    villageOf(options);
    registerDate(NAME, options);
  },
  replayAsOf: (options) => registerDate(NAME, options),
  projection: () => contractsProjection(),
  result: (state, options) => {
    checkedScope(state.tree, options);
    return contractLedgerOf(state, villageOf(options), registerDate(NAME, options));
  },
  toJson,
});
