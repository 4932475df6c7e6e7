import { isLeft, left, type Either } from 'fp-ts/lib/Either.js';
import type { Decider } from '../../kernel/decider.js';
import type { ShareRegisterCommand } from './commands.js';
import { adoptCharter, inheritShares, quantifyShares, transferShares, withdrawShares } from './decide-register.js';
import { shareError, type ShareError } from './errors.js';
import type { ShareRegisterEvent } from './events.js';
import { inOrder } from './register-checks.js';
import { evolveShareRegister, initialShareRegister, type ShareRegisterState } from './share-register.js';

/** The business date of a command and the field that holds it. */
const dateOf = (command: ShareRegisterCommand): readonly [date: string, field: string] => {
  switch (command.type) {
    case 'AdoptCharter':
      return [command.input.adoptedOn, 'adoptedOn'];
    case 'QuantifyShares':
      return [command.input.baseDate, 'baseDate'];
    case 'TransferShares':
      return [command.input.transferredOn, 'transferredOn'];
    case 'InheritShares':
      return [command.input.inheritedOn, 'inheritedOn'];
    case 'WithdrawShares':
      return [command.input.withdrawnOn, 'withdrawnOn'];
  }
};

const decideFor = (command: ShareRegisterCommand, state: ShareRegisterState): Either<ShareError, readonly ShareRegisterEvent[]> => {
  switch (command.type) {
    case 'AdoptCharter':
      return adoptCharter(command.input, state);
    case 'QuantifyShares':
      return quantifyShares(command.input, state, command.members);
    case 'TransferShares':
      return transferShares(command.input, state, command.members);
    case 'InheritShares':
      return inheritShares(command.input, state, command.members);
    case 'WithdrawShares':
      return withdrawShares(command.input, state, command.members);
  }
};

const decide = (command: ShareRegisterCommand, state: ShareRegisterState): Either<ShareError, readonly ShareRegisterEvent[]> => {
  const { organizationId } = command.input;
  if (command.organizationKind !== 'village') {
    const found = command.organizationKind === undefined ? 'not registered' : `a ${command.organizationKind}`;
    return left(shareError('SHARES_ORGANIZATION_NOT_VILLAGE', `organizationId: ${organizationId} is ${found}; shares belong to a village's collective`));
  }
  const [date, field] = dateOf(command);
  const ordered = inOrder(state, date, field);
  if (isLeft(ordered)) return ordered;
  return decideFor(command, state);
};

/** 股权台账: the village's share register on its `shares-<village>` stream. */
export const shareRegisterDecider: Decider<ShareRegisterCommand, ShareRegisterEvent, ShareRegisterState, ShareError> = {
  decide,
  evolve: evolveShareRegister,
  initialState: initialShareRegister,
};
