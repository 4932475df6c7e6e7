import type * as t from 'io-ts';
import { isLeft, left, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext, CommandEnvelope, CommandResult } from '../../kernel/command-handler.js';
import { handleCommand } from '../../kernel/command-handler.js';
import type { DomainEvent } from '../../kernel/event.js';
import { validateInput, type InvalidInput } from '../../kernel/validate.js';
import {
  AdoptCharterInput,
  InheritSharesInput,
  QuantifySharesInput,
  TransferSharesInput,
  WithdrawSharesInput,
  type ShareRegisterCommand,
  type ShareRegisterInputs,
} from './commands.js';
import type { ShareError } from './errors.js';
import { sharesStream, type ShareRegisterEvent } from './events.js';
import { loadVillage } from './load.js';
import { shareRegisterDecider } from './register-decider.js';

type Request = Omit<CommandEnvelope<unknown>, 'command' | 'occurredOn'> & { readonly input: unknown };
export type ShareRegisterOutcome = Either<ShareError | InvalidInput, CommandResult<ShareRegisterEvent>>;

interface CommandSpec<K extends keyof ShareRegisterInputs> {
  readonly type: K;
  readonly codec: t.Type<ShareRegisterInputs[K], unknown>;
  /** The business date of the valid input. */
  readonly dateOf: (input: ShareRegisterInputs[K]) => string;
}

/**
 * Validate the raw input before anything is read, read the village (its kind
 * and member register), then decide on its share register, dated by `dateOf`
 * the valid input.
 */
const onShareRegister = async <K extends keyof ShareRegisterInputs>(
  context: CommandContext<DomainEvent>,
  request: Request,
  { type, codec, dateOf }: CommandSpec<K>,
): Promise<ShareRegisterOutcome> => {
  const valid = validateInput(codec, request.input);
  if (isLeft(valid)) return left(valid.left);
  const input = valid.right;
  const { organizationKind, members } = await loadVillage(context, input.organizationId);
  const { input: _raw, ...envelope } = request;
  const command = { type, input, organizationKind, members } as ShareRegisterCommand;
  return handleCommand(context as CommandContext<ShareRegisterEvent>, shareRegisterDecider, sharesStream(input.organizationId), {
    ...envelope,
    occurredOn: dateOf(input),
    command,
  });
};

type Service = (context: CommandContext<DomainEvent>, request: Request) => Promise<ShareRegisterOutcome>;

/** 通过股份合作章程: the classes of shares, the reserve percentage, the rule for leaving members; dated `adoptedOn`. */
export const adoptShareCharter: Service = (context, request) => onShareRegister(context, request, { type: 'AdoptCharter', codec: AdoptCharterInput, dateOf: (i) => i.adoptedOn });

/** 折股量化: allot the shares of the operating net assets on `baseDate`. */
export const quantifyShares: Service = (context, request) => onShareRegister(context, request, { type: 'QuantifyShares', codec: QuantifySharesInput, dateOf: (i) => i.baseDate });

/** 股权内部转让, where the charter allows it; dated `transferredOn`. */
export const transferShares: Service = (context, request) =>
  onShareRegister(context, request, { type: 'TransferShares', codec: TransferSharesInput, dateOf: (i) => i.transferredOn });

/** 股权继承: a deceased member's shares to a member of the same household; dated `inheritedOn`. */
export const inheritShares: Service = (context, request) => onShareRegister(context, request, { type: 'InheritShares', codec: InheritSharesInput, dateOf: (i) => i.inheritedOn });

/** 退股: a member who left; the charter decides whether the shares are bought back or kept; dated `withdrawnOn`. */
export const withdrawShares: Service = (context, request) =>
  onShareRegister(context, request, { type: 'WithdrawShares', codec: WithdrawSharesInput, dateOf: (i) => i.withdrawnOn });
