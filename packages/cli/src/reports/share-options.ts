import type { Dec, shares } from '@collective-ledger/core';
import type { ReportLanguage } from './report.js';

export const memberClasses = (classes: readonly shares.ShareClass[]): readonly shares.ShareClass[] => classes.filter((c) => c.heldBy === 'member');

/** A class's name in the report's language (the Chinese name when it has no English one). */
export const className = (c: shares.ShareClass, lang: ReportLanguage): string => (lang === 'en' ? (c.nameEn ?? c.nameZh) : c.nameZh);

/** Shares of each class of `classes`, as text ('' for none). */
export const classCells = (classes: readonly shares.ShareClass[], byClass: ReadonlyMap<string, Dec>): string[] => classes.map((c) => byClass.get(c.classId)?.toFixed() ?? '');
