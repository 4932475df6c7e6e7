import type { Dec, ShareBooks, shares } from '@collective-ledger/core';
import { UsageError } from '../errors.js';
import type { ReportLanguage, ReportOptions } from './report.js';
import { checkedScope, refusePeriodStart, refuseSince, refuseTierOptions } from './statement-options.js';

/** The options every share report refuses or needs: one village, no tier options, no period start. */
export const checkShareOptions = (report: string, options: ReportOptions, instead: string): void => {
  refuseTierOptions(report, options);
  refuseSince(report, options);
  refusePeriodStart(report, options, instead);
  if (options.township !== undefined) throw new UsageError(`--township: ${report} is about one village's collective; use --village`);
  if (options.village === undefined) throw new UsageError(`${report} needs --village: shares and dividends belong to one village's collective`);
};

/** The fiscal year asked for, which a distribution report needs. */
export const distributedYear = (report: string, options: ReportOptions): number => {
  if (options.year === undefined) throw new UsageError(`${report} needs --year: the closed year whose income was distributed, e.g. --year 2023`);
  return options.year;
};

/** The village asked for, checked against the organizations on the ledger. */
export const villageOf = (books: ShareBooks, options: ReportOptions): string => {
  checkedScope(books.tree, options);
  return options.village ?? '';
};

/** The classes members hold in the village's charter (the latest), for column names: the collective's shares are shown apart. */
export const classesOf = (books: ShareBooks, village: string): readonly shares.ShareClass[] => memberClasses(books.registers.get(village)?.charters.at(-1)?.classes ?? []);

export const memberClasses = (classes: readonly shares.ShareClass[]): readonly shares.ShareClass[] => classes.filter((c) => c.heldBy === 'member');

/** A class's name in the report's language (the Chinese name when it has no English one). */
export const className = (c: shares.ShareClass, lang: ReportLanguage): string => (lang === 'en' ? (c.nameEn ?? c.nameZh) : c.nameZh);

/** Shares of each class of `classes`, as text ('' for none). */
export const classCells = (classes: readonly shares.ShareClass[], byClass: ReadonlyMap<string, Dec>): string[] => classes.map((c) => byClass.get(c.classId)?.toFixed() ?? '');

/** Shares by class for JSON: an object keyed by class id, in the charter's order, values as decimal strings. */
export const classJson = (classes: readonly shares.ShareClass[], byClass: ReadonlyMap<string, Dec>): Record<string, string> =>
  Object.fromEntries(classes.filter((c) => byClass.has(c.classId)).map((c) => [c.classId, byClass.get(c.classId)?.toFixed() ?? '0']));

export const villageName = (books: ShareBooks, village: string): string => books.tree.get(village)?.name ?? village;
