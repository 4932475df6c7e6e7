import type * as t from 'io-ts';
import type { CommandOutcome, DeclaredCommand } from '../../kernel/command.js';
import type { LedgerError } from '../ledger/errors.js';
import type { LedgerEvent } from '../ledger/events.js';
import { subLedgerCommand } from '../sub-ledger-command.js';
import type { ContractError } from './errors.js';
import type { ContractEvent } from './events.js';
import { contractDateOf, contractInputCodecs, type ContractInputs } from './inputs.js';

type Codecs = typeof contractInputCodecs;

type ContractCommand<K extends keyof ContractInputs> = DeclaredCommand<t.OutputOf<Codecs[K]>, ContractEvent | LedgerEvent, ContractError | LedgerError>;

/** A contract operation, declared (`subLedgerCommand`). */
const contractCommand = <K extends keyof ContractInputs>(type: K): ContractCommand<K> =>
  subLedgerCommand<ContractInputs[K], t.OutputOf<Codecs[K]>, ContractEvent, ContractError>(
    'contracts',
    type,
    contractInputCodecs[type] as unknown as t.Type<ContractInputs[K], t.OutputOf<Codecs[K]>>,
    contractDateOf[type],
  );

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
