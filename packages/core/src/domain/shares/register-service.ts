import type * as t from 'io-ts';
import { defineCommand, type DeclaredCommand } from '../../kernel/command.js';
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

const codecs = {
  AdoptCharter: AdoptCharterInput,
  QuantifyShares: QuantifySharesInput,
  TransferShares: TransferSharesInput,
  InheritShares: InheritSharesInput,
  WithdrawShares: WithdrawSharesInput,
} as const;

type ShareCommand<K extends keyof ShareRegisterInputs> = DeclaredCommand<t.OutputOf<(typeof codecs)[K]>, ShareRegisterEvent, ShareError>;

/**
 * A change of the share register, declared: the village (its kind and member
 * register) is read, then the change is decided on its share register,
 * dated by `dateOf` the valid input.
 */
const onShareRegister = <K extends keyof ShareRegisterInputs>(type: K, dateOf: (input: ShareRegisterInputs[K]) => string): ShareCommand<K> =>
  defineCommand({
    name: type,
    input: codecs[type] as unknown as t.Type<ShareRegisterInputs[K], t.OutputOf<(typeof codecs)[K]>>,
    stream: (input) => sharesStream(input.organizationId),
    occurredOn: dateOf,
    facts: (input, reader) => loadVillage(reader, input.organizationId),
    decider: () => shareRegisterDecider,
    command: (input, { organizationKind, members }) => ({ type, input, organizationKind, members }) as ShareRegisterCommand,
  });

/** 通过股份合作章程: the classes of shares, the reserve percentage, the rule for leaving members; dated `adoptedOn`. */
export const adoptShareCharter = onShareRegister('AdoptCharter', (i) => i.adoptedOn);

/** 折股量化: allot the shares of the operating net assets on `baseDate`. */
export const quantifyShares = onShareRegister('QuantifyShares', (i) => i.baseDate);

/** 股权内部转让, where the charter allows it; dated `transferredOn`. */
export const transferShares = onShareRegister('TransferShares', (i) => i.transferredOn);

/** 股权继承: a deceased member's shares to a member of the same household; dated `inheritedOn`. */
export const inheritShares = onShareRegister('InheritShares', (i) => i.inheritedOn);

/** 退股: a member who left; the charter decides whether the shares are bought back or kept; dated `withdrawnOn`. */
export const withdrawShares = onShareRegister('WithdrawShares', (i) => i.withdrawnOn);
