/** How bad a finding is: an `error` breaks a rule of the books; a `warning` is worth a look (a gap in voucher numbers). */
export type Severity = 'error' | 'warning';

/** A rule an event breaks: the rule's name (a refusal code, or one of the checker's own) and why, with the values. */
export interface BookProblem {
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
}

export const broken = (rule: string, message: string): BookProblem => ({ severity: 'error', rule, message });
export const warning = (rule: string, message: string): BookProblem => ({ severity: 'warning', rule, message });

/** A refusal of a decider, as a broken rule: its code names the rule. */
export const refused = (error: { readonly code: string; readonly message: string }): BookProblem => broken(error.code, error.message);
