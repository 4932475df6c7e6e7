import type { Money } from '../../money/money.js';
import { ledgerError, type LedgerError } from './errors.js';
import type { LedgerYearState } from './state.js';
import type { VoucherData, VoucherLine } from './voucher-codec.js';

const lineText = (account: string, side: VoucherLine['side'], amount: Money): string => `${account} ${side} ${amount.toString()}`;

/** The lines as a sorted list of `account side amount`: two vouchers with the same list move the same money. */
const signature = (lines: readonly { account: string; side: VoucherLine['side']; amount: Money }[]): string[] =>
  lines.map((l) => lineText(l.account, l.side, l.amount)).sort();

const mirrored = (lines: readonly VoucherLine[]) =>
  lines.map((l) => ({ account: l.account, side: l.side === 'debit' ? ('credit' as const) : ('debit' as const), amount: l.amount }));

/**
 * 冲销: a voucher that names another in `reverses` must undo it exactly: the
 * original is in the same year, has not been reversed already and is not
 * itself a reversal, and the new lines are its lines with debit and credit
 * swapped (in any order). A partial correction is an ordinary voucher.
 */
export const reversalProblem = (voucher: VoucherData, state: LedgerYearState): LedgerError | undefined => {
  const { reverses } = voucher;
  if (reverses === undefined) return undefined;
  const year = voucher.date.slice(0, 4);
  const original = state.vouchers.get(reverses);
  if (original === undefined) return ledgerError('VOUCHER_REVERSES_UNKNOWN', `reverses: no voucher ${reverses} in ${year}`);
  if (original.reversedBy !== undefined) {
    return ledgerError('VOUCHER_ALREADY_REVERSED', `reverses: ${reverses} was already reversed by ${original.reversedBy}`);
  }
  if (original.reverses !== undefined) {
    return ledgerError('VOUCHER_REVERSES_REVERSAL', `reverses: ${reverses} is itself the reversal of ${original.reverses}; post the entry again as a new voucher`);
  }
  const expected = signature(mirrored(original.lines));
  if (signature(voucher.lines).join('\n') !== expected.join('\n')) {
    return ledgerError(
      'VOUCHER_REVERSAL_MISMATCH',
      `lines: a reversal of ${reverses} must have its lines with debit and credit swapped: ${expected.join(', ')}`,
    );
  }
  return undefined;
};
