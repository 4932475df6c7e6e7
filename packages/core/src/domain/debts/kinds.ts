import * as t from 'io-ts';

/**
 * 债权人类别: a bank or rural credit cooperative (银行、信用社), a company
 * (企业), an individual or household (个人、农户), a government body (政府部门),
 * or another creditor.
 */
export const CreditorKind = t.keyof(
  { bank: null, company: null, individual: null, government: null, other: null },
  'bank, company, individual, government or other',
);
export type CreditorKind = t.TypeOf<typeof CreditorKind>;
export const CREDITOR_KINDS: readonly CreditorKind[] = ['bank', 'company', 'individual', 'government', 'other'];

/**
 * 债务成因: money borrowed (借款), construction owed (欠工程款), purchases
 * owed (欠购货款), a guarantee the collective had to honour (担保), or another
 * cause (then `originNote` says which).
 */
export const DebtOrigin = t.keyof(
  { borrowing: null, construction: null, purchase: null, guarantee: null, other: null },
  'borrowing, construction, purchase, guarantee or other',
);
export type DebtOrigin = t.TypeOf<typeof DebtOrigin>;
export const DEBT_ORIGINS: readonly DebtOrigin[] = ['borrowing', 'construction', 'purchase', 'guarantee', 'other'];

/**
 * How a debt came onto the register: `existing`, a liability the books already
 * hold, identified as non-performing (no voucher); `new`, a debt recognised
 * only now (a voucher Dr `debitAccount`, Cr the liability).
 */
export const Recognition = t.keyof({ existing: null, new: null }, 'existing or new');
export type Recognition = t.TypeOf<typeof Recognition>;

/** 化解方式: repaid (偿还), restructured (债务重组), offset against a receivable (抵销), written off with approval (核销). */
export const ResolutionMethod = t.keyof({ repayment: null, restructuring: null, offset: null, 'write-off': null }, 'repayment, restructuring, offset or write-off');
export type ResolutionMethod = t.TypeOf<typeof ResolutionMethod>;
export const RESOLUTION_METHODS: readonly ResolutionMethod[] = ['repayment', 'restructuring', 'offset', 'write-off'];

/** Who approved a write-off: the members' assembly (成员大会) or the members' representatives' assembly (成员代表大会). */
export const ApprovingBody = t.keyof({ 'members-assembly': null, 'representatives-assembly': null }, 'members-assembly or representatives-assembly');
export type ApprovingBody = t.TypeOf<typeof ApprovingBody>;

/** The standard accounts a non-performing debt may sit on: 201 短期借款, 211 应付款, 221 长期借款及应付款. */
export const LIABILITY_ROOTS = ['201', '211', '221'] as const;
