import { isLeft, left, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext, CommandEnvelope, CommandResult } from '../../kernel/command-handler.js';
import { handleCommand } from '../../kernel/command-handler.js';
import type { DomainEvent } from '../../kernel/event.js';
import { validateInput, type InvalidInput } from '../../kernel/validate.js';
import { loadOrganization } from '../organization/service.js';
import { PostVoucherInput } from './commands.js';
import { ledgerDecider, type LedgerError } from './decider.js';
import { ledgerStream, type LedgerEvent } from './events.js';

/**
 * Post a voucher (记账凭证) into its village's ledger for the voucher's year.
 * The voucher is validated (shape, at least two lines, positive amounts, debits
 * equal credits) before anything is read or written; its business date is the
 * voucher date.
 */
export const postVoucher = async (
  context: CommandContext<DomainEvent>,
  request: Omit<CommandEnvelope<unknown>, 'command' | 'occurredOn'> & { readonly input: unknown },
): Promise<Either<LedgerError | InvalidInput, CommandResult<LedgerEvent>>> => {
  const voucher = validateInput(PostVoucherInput, request.input);
  if (isLeft(voucher)) return left(voucher.left);
  const organization = await loadOrganization(context, voucher.right.organizationId);
  const organizationKind = organization.status === 'registered' ? organization.organization.kind : undefined;
  const { input: _raw, ...envelope } = request;
  return handleCommand(
    context as CommandContext<LedgerEvent>,
    ledgerDecider,
    ledgerStream(voucher.right.organizationId, voucher.right.date.slice(0, 4)),
    { ...envelope, occurredOn: voucher.right.date, command: { type: 'PostVoucher', voucher: voucher.right, organizationKind } },
  );
};
