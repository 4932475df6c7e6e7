import { villagesIn, type OrganizationTree, type Scope } from '../organizations.js';
import type { StatementLine } from '../statement.js';
import { ReportOptionError, type ReportLanguage } from './definition.js';
import { scopeRefusal } from './ledger-starts.js';

/** One village, the villages of one township, or (neither) every village. */
export interface ScopeOptions {
  readonly village?: string;
  readonly township?: string;
}

/** Names and labels in Chinese (the default) or English. */
export interface LanguageOption {
  readonly lang?: ReportLanguage;
}

export const langOf = (options: LanguageOption): ReportLanguage => options.lang ?? 'zh';

/** `village` and `township` choose one scope: both at once is refused. */
export const refuseTwoScopes = (options: ScopeOptions): void => {
  if (options.village !== undefined && options.township !== undefined) {
    throw new ReportOptionError('--village and --township cannot be combined: give one (or neither, for every village)');
  }
};

/** `asOf` must fall within `year` when both are given. */
export const checkAsOfInYear = ({ year, asOf }: { readonly year?: number; readonly asOf?: string }): void => {
  if (year === undefined || asOf === undefined) return;
  if (!asOf.startsWith(`${year}-`)) throw new ReportOptionError(`--as-of ${asOf} is not in --year ${year}: give a date of ${year}, or leave one out`);
};

export const scopeOf = (options: ScopeOptions): Scope => ({
  ...(options.village === undefined ? {} : { village: options.village }),
  ...(options.township === undefined ? {} : { township: options.township }),
});

/**
 * The scope, once the organizations are known: a village or township they do
 * not hold as such is refused, naming it (a `NotOnTheBooksError`, which the
 * run explains when the ledger registers it after the report's date).
 */
export const checkedScope = (tree: OrganizationTree, options: ScopeOptions): Scope => {
  const scope = scopeOf(options);
  for (const kind of ['village', 'township'] as const) {
    const id = scope[kind];
    const found = id === undefined ? kind : tree.get(id)?.kind;
    if (id !== undefined && found !== kind) throw scopeRefusal(kind, id, found);
  }
  return scope;
};

/** `{ village, township }` as JSON, `null` when not given. */
export const scopeJson = (options: ScopeOptions) => ({ village: options.village ?? null, township: options.township ?? null });

/** The ids of the villages a scope covers, in `villagesIn` order. */
export const villageIds = (tree: OrganizationTree, scope: Scope): string[] => villagesIn(tree, scope).map((v) => v.organizationId);

/** The name of the village or township a scope names (its id when unnamed); `undefined` for every village. */
export const scopeName = (tree: OrganizationTree, scope: Scope): string | undefined => {
  const id = scope.village ?? scope.township;
  return id === undefined ? undefined : (tree.get(id)?.name ?? id);
};

/** The label of a line in the chosen language. */
export const nameIn = (line: { readonly nameZh: string; readonly nameEn: string }, lang: ReportLanguage): string =>
  lang === 'zh' ? line.nameZh : line.nameEn;

/** A statement line as JSON, keys in this order: key, name, accounts, amount, kind. */
export const lineJson = (line: StatementLine, lang: ReportLanguage) => ({
  key: line.key,
  name: nameIn(line, lang),
  accounts: line.accounts,
  amount: line.amount.toString(),
  kind: line.kind,
});

/** A register's date: `asOf`, or the last day of `year`. */
export const registerDate = (report: string, options: { readonly year?: number; readonly asOf?: string }): string => {
  if (options.asOf !== undefined) return options.asOf;
  if (options.year !== undefined) return `${options.year}-12-31`;
  throw new ReportOptionError(`${report} needs --as-of or --year: the register as of a date, e.g. --as-of 2023-12-31`);
};
