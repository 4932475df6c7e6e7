import type { DomainError } from '../../../kernel/decider.js';
import { standardAccounts, type AccountDefinition } from './accounts.js';

/** What a village asks for when it adds a 明细科目 to its chart. */
export interface SubAccountSpec {
  readonly code: string;
  readonly nameZh: string;
  /** Defaults to `nameZh` when the village gives no English name. */
  readonly nameEn?: string;
}

/** Why a code cannot be added as a sub-account; the message names the field (`code`). */
export interface SubAccountProblem extends DomainError {
  readonly code: 'SUB_ACCOUNT_CODE_INVALID' | 'SUB_ACCOUNT_NOT_EXTENDING' | 'SUB_ACCOUNT_CODE_TAKEN' | 'SUB_ACCOUNT_PARENT_UNKNOWN';
}

/** Why an account cannot be declared one the bank lets overdraw; the message names the field (`account`). */
export interface OverdraftProblem extends DomainError {
  readonly code: 'BANK_OVERDRAFT_NOT_BANK' | 'BANK_OVERDRAFT_ACCOUNT_UNKNOWN' | 'BANK_OVERDRAFT_ALREADY_ALLOWED';
}

/** 银行存款: the only account, with its sub-accounts, that a chart may let end a voucher overdrawn. */
const BANK_DEPOSITS = '102';

const ACCOUNT_CODE = /^\d{3}(\d{2})*$/;

/** The code a sub-account extends (`15101` → `151`, `1510101` → `15101`); none for a 3-digit account. */
export const parentCodeOf = (code: string): string | undefined => (code.length > 3 ? code.slice(0, -2) : undefined);

/** The 3-digit standard account a code belongs to. */
export const rootCodeOf = (code: string): string => code.slice(0, 3);

/** Codes are digits only, so plain string order is code order and lists a parent just before its children. */
const byCode = (a: AccountDefinition, b: AccountDefinition): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Where `account` goes in a list sorted by code (binary search). */
const insertionIndex = (sorted: readonly AccountDefinition[], account: AccountDefinition): number => {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const probe = sorted[middle];
    if (probe !== undefined && byCode(probe, account) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
};

const inserted = (sorted: readonly AccountDefinition[], account: AccountDefinition): readonly AccountDefinition[] => {
  const at = insertionIndex(sorted, account);
  return Object.freeze([...sorted.slice(0, at), account, ...sorted.slice(at)]);
};

const problem = <C extends string>(code: C, message: string): { readonly code: C; readonly message: string } => ({ code, message });

/** `account` with its overdraft allowed when its code is `code` or under it. */
const overdrawnUnder =
  (code: string) =>
  (account: AccountDefinition): AccountDefinition =>
    account.code.startsWith(code) && !account.mayBeOverdrawn ? Object.freeze({ ...account, mayBeOverdrawn: true }) : account;

let standardChart: Chart | undefined;

/**
 * A village's chart of accounts: the 42 standard accounts and the sub-accounts
 * (明细科目) it declared. Immutable: `withSubAccount` returns a new chart.
 * Lookups are map reads; adding a sub-account copies the maps once (a chart
 * holds at most a few hundred accounts).
 */
export class Chart {
  private constructor(
    private readonly byCode: ReadonlyMap<string, AccountDefinition>,
    private readonly children: ReadonlyMap<string, readonly AccountDefinition[]>,
    private readonly ordered: readonly AccountDefinition[],
  ) {
    Object.freeze(this);
  }

  /** The 42 accounts of 财会〔2023〕14号 with no sub-accounts (one shared instance). */
  static standard(): Chart {
    standardChart ??= new Chart(new Map(standardAccounts.map((a) => [a.code, a])), new Map(), standardAccounts);
    return standardChart;
  }

  /** Why `code` cannot be added as a sub-account, or `undefined` when it can. */
  subAccountProblem(code: string): SubAccountProblem | undefined {
    if (!ACCOUNT_CODE.test(code)) {
      return problem('SUB_ACCOUNT_CODE_INVALID', `code: expected an account code (3 digits, optionally followed by pairs of digits), got ${JSON.stringify(code)}`);
    }
    const parent = parentCodeOf(code);
    if (parent === undefined) {
      return problem(
        'SUB_ACCOUNT_NOT_EXTENDING',
        `code: ${code} is not a sub-account code; the standard accounts are fixed, a sub-account extends one by pairs of digits (e.g. 15101)`,
      );
    }
    const existing = this.byCode.get(code);
    if (existing !== undefined) {
      return problem('SUB_ACCOUNT_CODE_TAKEN', `code: ${code} is already in the chart as ${existing.nameZh}`);
    }
    if (!this.byCode.has(parent)) {
      const hint = parent.length > 3 ? `; declare ${parent} first` : ', which is not one of the 42 standard accounts';
      return problem('SUB_ACCOUNT_PARENT_UNKNOWN', `code: ${code} extends ${parent}${hint}`);
    }
    return undefined;
  }

  /** Why `code` cannot be declared an account the bank lets overdraw (102 or under it, in the chart, not yet allowed), or `undefined`. */
  overdraftProblem(code: string): OverdraftProblem | undefined {
    const account = this.byCode.get(code);
    if (rootCodeOf(code) !== BANK_DEPOSITS) {
      const name = account === undefined ? '' : ` ${account.nameZh}`;
      return problem('BANK_OVERDRAFT_NOT_BANK', `account: ${code}${name} is not a bank account; only 102 银行存款 and its sub-accounts may be overdrawn`);
    }
    if (account === undefined) return problem('BANK_OVERDRAFT_ACCOUNT_UNKNOWN', `account: ${code} is not in the chart; declare the sub-account first`);
    if (account.mayBeOverdrawn) return problem('BANK_OVERDRAFT_ALREADY_ALLOWED', `account: ${code} ${account.nameZh} may already be overdrawn`);
    return undefined;
  }

  /**
   * A new chart in which the bank account `code` and every sub-account under
   * it, declared or still to come, may be overdrawn. Throws when
   * `overdraftProblem` finds a problem (deciders check first and refuse).
   */
  withOverdraftAllowed(code: string): Chart {
    const refused = this.overdraftProblem(code);
    if (refused !== undefined) throw new Error(`${refused.code}: ${refused.message}`);
    const allowed = overdrawnUnder(code);
    const children = new Map([...this.children].map(([parent, list]) => [parent, Object.freeze(list.map(allowed))] as const));
    const ordered = Object.freeze(this.ordered.map(allowed));
    return new Chart(new Map(ordered.map((a) => [a.code, a])), children, ordered);
  }

  /**
   * A new chart with one more sub-account, which takes its root account's
   * category, normal balance, contra and either-side flags, and may be
   * overdrawn when its parent may. Throws when
   * `subAccountProblem` finds one (deciders check first and refuse).
   */
  withSubAccount(spec: SubAccountSpec): Chart {
    const refused = this.subAccountProblem(spec.code);
    if (refused !== undefined) throw new Error(`${refused.code}: ${refused.message}`);
    const parentCode = parentCodeOf(spec.code) ?? '';
    const parent = this.byCode.get(parentCode);
    if (parent === undefined) throw new Error(`SUB_ACCOUNT_PARENT_UNKNOWN: code: ${spec.code}`);
    const account: AccountDefinition = Object.freeze({
      code: spec.code,
      nameZh: spec.nameZh,
      nameEn: spec.nameEn ?? spec.nameZh,
      category: parent.category,
      normalBalance: parent.normalBalance,
      contra: parent.contra,
      eitherSide: parent.eitherSide,
      standard: false,
      mayBeOverdrawn: parent.mayBeOverdrawn,
    });
    const byCode = new Map(this.byCode).set(account.code, account);
    const children = new Map(this.children).set(parentCode, inserted(this.childrenOf(parentCode), account));
    return new Chart(byCode, children, inserted(this.ordered, account));
  }

  account(code: string): AccountDefinition | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** True for an account of this chart with no sub-accounts: only leaves take postings. */
  isLeaf(code: string): boolean {
    return this.byCode.has(code) && !this.children.has(code);
  }

  /** The direct sub-accounts of `code`, in code order. */
  childrenOf(code: string): readonly AccountDefinition[] {
    return this.children.get(code) ?? [];
  }

  /** The account a sub-account extends; `undefined` for a standard account or a code not in the chart. */
  parentOf(code: string): AccountDefinition | undefined {
    const parent = this.byCode.has(code) ? parentCodeOf(code) : undefined;
    return parent === undefined ? undefined : this.byCode.get(parent);
  }

  /** The 3-digit standard account `code` belongs to (itself for a standard account); `undefined` when not in the chart. */
  rootOf(code: string): AccountDefinition | undefined {
    return this.byCode.has(code) ? this.byCode.get(rootCodeOf(code)) : undefined;
  }

  /** Every account, in code order (each parent just before its sub-accounts). */
  accounts(): readonly AccountDefinition[] {
    return this.ordered;
  }

  /** The accounts that take postings, in code order. */
  leafAccounts(): readonly AccountDefinition[] {
    return this.ordered.filter((a) => !this.children.has(a.code));
  }

  get size(): number {
    return this.ordered.length;
  }
}
