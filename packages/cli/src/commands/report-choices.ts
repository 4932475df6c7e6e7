import { dateOf, yearOf } from '../args.js';
import { UsageError } from '../errors.js';
import { REPORT_LANGUAGES, type ReportLanguage, type ReportOptions } from '../reports/index.js';

const langOf = (value: string | undefined): ReportLanguage => {
  const lang = REPORT_LANGUAGES.find((l) => l === (value ?? 'zh'));
  if (lang === undefined) throw new UsageError(`--lang must be zh or en, got "${value ?? ''}"`);
  return lang;
};

/** Options given on the command line, without the absent ones (exact optional properties). */
const present = <T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };

/** A report's own options on the command line, as Node's parseArgs declares them (`report` and `project` take them). */
export const REPORT_CHOICE_ARGS = {
  'as-of': { type: 'string' },
  from: { type: 'string' },
  since: { type: 'string' },
  year: { type: 'string' },
  village: { type: 'string' },
  township: { type: 'string' },
  lang: { type: 'string' },
  basis: { type: 'string' },
  thresholds: { type: 'string' },
  'within-days': { type: 'string' },
  'min-price-per-mu': { type: 'string' },
  'min-price-per-m2': { type: 'string' },
} as const;

type ChoiceValues = { readonly [K in keyof typeof REPORT_CHOICE_ARGS]?: string | undefined };

/** What the command line asked of a report: dates and the year checked, the rest as text for the report to check. */
export const reportChoicesOf = (values: ChoiceValues): ReportOptions => ({
  lang: langOf(values.lang),
  ...present({
    asOf: dateOf('as-of', values['as-of']),
    from: dateOf('from', values.from),
    since: dateOf('since', values.since),
    year: yearOf(values.year),
    village: values.village,
    township: values.township,
    basis: values.basis,
    thresholds: values.thresholds,
    withinDays: values['within-days'],
    minPricePerMu: values['min-price-per-mu'],
    minPricePerM2: values['min-price-per-m2'],
  }),
});
