import type * as t from 'io-ts';
import { defineCommand, type CommandOutcome, type DeclaredCommand } from '../../kernel/command.js';
import type { FactReader } from '../../kernel/fact-reader.js';
import type { LedgerError } from '../ledger/errors.js';
import { ledgerStream, type LedgerEvent } from '../ledger/events.js';
import { ledgerYearDecider, type SubLedgerOperation } from '../ledger/ledger-year.js';
import { openingOf } from '../ledger/opening.js';
import { loadVillageBooks } from '../ledger/service.js';
import { subLedgers } from '../sub-ledgers.js';
import type { ContractError } from './errors.js';
import type { ContractEvent } from './events.js';
import { contractDateOf, contractInputCodecs, type ContractInputs } from './inputs.js';

/** The village's kind and chart, and how the year of the operation opened: the registers and balances the last close carried, or the open year before as it stands. */
const factsOf = async (organizationId: string, reader: FactReader, date: string) => ({
  ...(await loadVillageBooks(reader, organizationId)),
  opening: await openingOf(reader, subLedgers, organizationId, Number(date.slice(0, 4))),
});

type Codecs = typeof contractInputCodecs;

type ContractCommand<K extends keyof ContractInputs> = DeclaredCommand<t.OutputOf<Codecs[K]>, ContractEvent | LedgerEvent, ContractError | LedgerError>;

/**
 * A contract operation, declared: decided on the ledger-year stream of its
 * business date, against the register as the year opened (the last close)
 * and the year's own events; its voucher, if it has one, is appended with
 * its events.
 */
const contractCommand = <K extends keyof ContractInputs>(type: K): ContractCommand<K> => {
  const dateOf = contractDateOf[type] as (input: ContractInputs[K]) => string;
  return defineCommand({
    name: type,
    input: contractInputCodecs[type] as unknown as t.Type<ContractInputs[K], t.OutputOf<Codecs[K]>>,
    stream: (input) => ledgerStream(input.organizationId, dateOf(input).slice(0, 4)),
    occurredOn: dateOf,
    facts: (input, reader, date) => factsOf(input.organizationId, reader, date),
    decider: (facts) => ledgerYearDecider<ContractEvent | LedgerEvent, ContractError | LedgerError>(subLedgers, facts.opening.registers),
    command: (input, { organizationKind, chart, opening }, date): SubLedgerOperation => ({
      type: 'SubLedgerOperation',
      subLedger: 'contracts',
      command: { type, input },
      organizationId: input.organizationId,
      date,
      organizationKind,
      chart,
      carried: opening.balances,
    }),
  });
};

/** 合同登记, dated `registeredOn` (or `signedOn`). */
export const registerContract = contractCommand('RegisterContract');

/** 合同变更, dated `amendedOn`. */
export const amendContract = contractCommand('AmendContract');

/** 合同续签, dated `renewedOn`. */
export const renewContract = contractCommand('RenewContract');

/** 合同解除, dated `terminatedOn`. */
export const terminateContract = contractCommand('TerminateContract');

/** 合同到期, dated `expiredOn`. */
export const expireContract = contractCommand('ExpireContract');

/** 认定不规范合同, dated `flaggedOn`. */
export const flagContract = contractCommand('FlagContract');

/** 整改完成, dated `rectifiedOn`. */
export const rectifyContract = contractCommand('RectifyContract');

/** 撤销不规范认定, dated `withdrawnOn`. */
export const withdrawContractFlag = contractCommand('WithdrawContractFlag');

/** 确认合同收入 through `through`, dated that day. */
export const recogniseContractIncome = contractCommand('RecogniseContractIncome');

/** 收取合同款, dated `receivedOn`. */
export const receiveContractPayment = contractCommand('ReceiveContractPayment');

/** What a contract command returns: its events and voucher, or the refusal. */
export type ContractOutcome = CommandOutcome<ContractEvent | LedgerEvent, ContractError | LedgerError>;
