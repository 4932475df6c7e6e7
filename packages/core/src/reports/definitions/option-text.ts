import type { Either } from 'fp-ts/lib/Either.js';
import { parseReferencePrice, parseWithinDays } from '../contract-options.js';
import { parseIncomeBasis, parseThresholds } from '../income-basis.js';
import { optionFlag, ReportOptionError, type ReportOptionName } from './definition.js';
import { parseReportDate, parseReportYear } from './refusals.js';

/** The options whose text is checked or read as another value, each with its parser: `--year 2023`, `--basis total`, `--thresholds 100000,500000`. */
export const REPORT_OPTION_PARSERS: Readonly<Partial<Record<ReportOptionName, (text: string) => Either<string, unknown>>>> = {
  year: parseReportYear,
  asOf: parseReportDate,
  from: parseReportDate,
  since: parseReportDate,
  basis: parseIncomeBasis,
  thresholds: parseThresholds,
  withinDays: parseWithinDays,
  minPricePerMu: parseReferencePrice,
  minPricePerM2: parseReferencePrice,
};

/**
 * An option given as text (a command line, a query string) as the value a
 * report takes; a wrong one is refused naming the option:
 * `--basis: expected operating (501 + 502) or total (501 to 504), got "gross"`.
 */
export const reportOptionFromText = (name: ReportOptionName, text: string): unknown => {
  const parse = REPORT_OPTION_PARSERS[name];
  if (parse === undefined) return text;
  const parsed = parse(text);
  if (parsed._tag === 'Left') throw new ReportOptionError(`${optionFlag(name)}: ${parsed.left}`);
  return parsed.right;
};
