import type { ShareClass } from '../../domain/shares/charter-events.js';
import type { Dec } from '../../money/decimal.js';
import type { ShareBooks } from '../share-books.js';
import { ReportOptionError, type ReportLanguage, type ReportOptionName } from './definition.js';
import { checkedScope, type LanguageOption } from './options.js';

/** One village's collective (required). */
export interface ShareReportOptions extends LanguageOption {
  readonly village?: string;
}

/** The options a share report takes beyond its own, and why it refuses `township` and `from` (`fromRefused` follows "it"). */
export const shareReportOptions = (own: readonly ReportOptionName[], fromRefused: string) => ({
  options: [...own, 'village', 'lang'] satisfies ReportOptionName[],
  refusals: {
    from: `it ${fromRefused}`,
    township: "it is about one village's collective; use --village",
  },
});

/** The village asked for; required. */
export const requireVillage = (report: string, options: ShareReportOptions): string => {
  if (options.village === undefined) throw new ReportOptionError(`${report} needs --village: shares and dividends belong to one village's collective`);
  return options.village;
};

/** The fiscal year a distribution report needs. */
export const distributedYear = (report: string, options: { readonly year?: number }): number => {
  if (options.year === undefined) throw new ReportOptionError(`${report} needs --year: the closed year whose income was distributed, e.g. --year 2023`);
  return options.year;
};

/** The village asked for, checked against the organizations on the ledger. */
export const checkedVillage = (books: ShareBooks, options: ShareReportOptions): string => {
  checkedScope(books.tree, options);
  return options.village ?? '';
};

export const memberClasses = (classes: readonly ShareClass[]): readonly ShareClass[] => classes.filter((c) => c.heldBy === 'member');

/** The classes members hold in the village's charter (the latest): the collective's shares are shown apart. */
export const classesOf = (books: ShareBooks, village: string): readonly ShareClass[] => memberClasses(books.registers.get(village)?.charters.at(-1)?.classes ?? []);

/** A class's name in the report's language (the Chinese name when it has no English one). */
export const className = (c: ShareClass, lang: ReportLanguage): string => (lang === 'en' ? (c.nameEn ?? c.nameZh) : c.nameZh);

/** Shares by class for JSON: an object keyed by class id, in the charter's order, values as decimal strings. */
export const classJson = (classes: readonly ShareClass[], byClass: ReadonlyMap<string, Dec>): Record<string, string> =>
  Object.fromEntries(classes.filter((c) => byClass.has(c.classId)).map((c) => [c.classId, byClass.get(c.classId)?.toFixed() ?? '0']));

export const villageName = (books: ShareBooks, village: string): string => books.tree.get(village)?.name ?? village;
