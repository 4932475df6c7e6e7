import type { Money, Window } from '@collective-ledger/core';
import type { ReportLanguage } from './report.js';

/** What the title line names: the village or township (its name), or every village. */
export const scopeTitle = (scopeName: string | undefined, lang: ReportLanguage): string => scopeName ?? (lang === 'zh' ? '全部村' : 'all villages');

export const periodTitle = (window: Window, lang: ReportLanguage): string =>
  lang === 'zh' ? `${window.from} 至 ${window.to}` : `${window.from} to ${window.to}`;

/** The label of a statement line in the chosen language. */
export const nameIn = (line: { readonly nameZh: string; readonly nameEn: string }, lang: ReportLanguage): string =>
  lang === 'zh' ? line.nameZh : line.nameEn;

/** `101+102`: the accounts a line adds up. */
export const accountList = (accounts: readonly string[]): string => accounts.join('+');

/** Money for people (`1,234.50`) in tables, canonical (`1234.50`) in CSV. */
export const amountText = (amount: Money, format: 'table' | 'csv'): string => (format === 'table' ? amount.toDisplay() : amount.toString());
