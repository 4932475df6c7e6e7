import { Chart, chartOfVillage } from '../../domain/ledger/chart/index.js';
import { accountsProjection, chartOfAccounts, type AccountRow } from '../accounts.js';
import { defineReport } from './definition.js';
import { checkedScope, langOf, nameIn, type LanguageOption } from './options.js';

export interface AccountsReportOptions extends LanguageOption {
  /** The chart as declared up to this `YYYY-MM-DD`. */
  readonly asOf?: string;
  /** This village's chart with its sub-accounts; without it, the 42 standard accounts. */
  readonly village?: string;
}

/** JSON keys in this order: report, lang, asOf, village, accounts[{code, name, category, normalBalance, contra, eitherSide, standard, leaf, level}]. */
const toJson = (rows: readonly AccountRow[], options: AccountsReportOptions) => {
  const lang = langOf(options);
  return {
    report: 'accounts',
    lang,
    asOf: options.asOf ?? null,
    village: options.village ?? null,
    accounts: rows.map((row) => ({
      code: row.code,
      name: nameIn(row, lang),
      category: row.category,
      normalBalance: row.normalBalance,
      contra: row.contra,
      eitherSide: row.eitherSide,
      standard: row.standard,
      leaf: row.leaf,
      level: row.level,
    })),
  };
};

export type AccountsJson = ReturnType<typeof toJson>;

/**
 * `accounts`: 会计科目表, the chart of accounts: the 42 standard accounts, or
 * for a village its chart with its sub-accounts (as declared up to `asOf`).
 */
export const accountsReport = defineReport({
  name: 'accounts',
  description: 'chart of accounts (会计科目表), with a --village its sub-accounts',
  options: ['asOf', 'village', 'lang'],
  refusals: {
    from: 'it lists the chart at one date; give --as-of',
    township: 'a chart of accounts belongs to one village; use --village',
    year: 'the chart of accounts is not per year; use --as-of for the chart at a date',
  },
  check: (_options: AccountsReportOptions) => undefined,
  replayAsOf: (options) => options.asOf,
  projection: () => accountsProjection(),
  result: (state, options): readonly AccountRow[] => {
    checkedScope(state.tree, options);
    return chartOfAccounts(options.village === undefined ? Chart.standard() : chartOfVillage(state.charts, options.village));
  },
  toJson,
});
