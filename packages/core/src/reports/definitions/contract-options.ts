import type { Either } from 'fp-ts/lib/Either.js';
import type { Money } from '../../money/money.js';
import type { ArrearsPeriod } from '../arrears-figures.js';
import type { ContractPeriod } from '../contract-cleanup.js';
import { checkReferencePrice, checkWithinDays, DEFAULT_WITHIN_DAYS } from '../contract-options.js';
import type { WarningSettings } from '../contract-warnings.js';
import { ReportOptionError } from './definition.js';
import { checkAsOfInYear, registerDate, type LanguageOption, type ScopeOptions } from './options.js';

/** A contract report's period: up to `asOf` or the end of `year`; from `from` (or 1 January of `year`). */
export interface ContractReportOptions extends ScopeOptions, LanguageOption {
  readonly year?: number;
  readonly asOf?: string;
  readonly from?: string;
}

/** The period the options give, ending on `to`; a period that ends before it starts is refused. */
export const contractPeriod = (report: string, options: ContractReportOptions): ContractPeriod => {
  checkAsOfInYear(options);
  const { year, asOf } = options;
  if (year === undefined && asOf === undefined) throw new ReportOptionError(`${report} needs --as-of or --year, e.g. --as-of 2022-06-30 (and --from for the figures of a period)`);
  const to = asOf ?? `${String(year)}-12-31`;
  const from = options.from ?? (year === undefined ? undefined : `${String(year)}-01-01`);
  if (from !== undefined && from > to) throw new ReportOptionError(`--from ${from} is after the period's last day ${to}`);
  return { from, to };
};

/** The arrears period: as `contractPeriod`, starting on 1 January of the last day's year when neither `from` nor `year` says. */
export const arrearsPeriod = (options: ContractReportOptions): ArrearsPeriod => {
  const { from, to } = contractPeriod('arrears', options);
  return { from: from ?? `${to.slice(0, 4)}-01-01`, to };
};

/** The warnings' options: the date, and what the township sets. */
export interface WarningsReportOptions extends ScopeOptions, LanguageOption {
  readonly year?: number;
  readonly asOf?: string;
  readonly withinDays?: number;
  readonly minPricePerMu?: Money;
  readonly minPricePerM2?: Money;
}

const checked = <T>(flag: string, value: unknown, check: (v: unknown) => Either<string, T>): T | undefined => {
  if (value === undefined) return undefined;
  const result = check(value);
  if (result._tag === 'Left') throw new ReportOptionError(`${flag}: ${result.left}`);
  return result.right;
};

/** The settings of the warnings; a look-ahead or reference price of the wrong kind is refused, naming its option. */
export const warningSettings = (options: WarningsReportOptions): WarningSettings => {
  checkAsOfInYear(options);
  return {
    on: registerDate('warnings', options),
    withinDays: checked('--within-days', options.withinDays, checkWithinDays) ?? DEFAULT_WITHIN_DAYS,
    minPricePerMu: checked('--min-price-per-mu', options.minPricePerMu, checkReferencePrice),
    minPricePerM2: checked('--min-price-per-m2', options.minPricePerM2, checkReferencePrice),
  };
};
