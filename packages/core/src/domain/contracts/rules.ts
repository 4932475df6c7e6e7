import type { AssetRegister } from '../assets/asset-register.js';
import type { ContractError } from './errors.js';
import type { ContractEvent } from './events.js';
import { contractOn, liveContractOn } from './lookup.js';
import type { ContractBook, ContractRecord } from './register.js';
import { amendedProblem, expiredProblem, renewedProblem, signedProblem, terminatedProblem } from './rules-contract.js';
import { paymentProblem, recognisedProblem } from './rules-payment.js';
import { flaggedProblem, rectifiedProblem, withdrawnProblem } from './rules-review.js';

type OnContract = Exclude<ContractEvent, { type: 'ContractSigned' | 'ContractIncomeRecognised' }>;

/** Events that need a contract still in force. */
const NEEDS_LIVE: ReadonlySet<string> = new Set(['ContractAmended', 'ContractRenewed', 'ContractTerminated', 'ContractExpired', 'ContractFlagged']);

const onContract = (c: ContractRecord, event: OnContract): ContractError | undefined => {
  switch (event.type) {
    case 'ContractAmended':
      return amendedProblem(c, event.data);
    case 'ContractRenewed':
      return renewedProblem(c, event.data);
    case 'ContractTerminated':
      return terminatedProblem(c, event.data);
    case 'ContractExpired':
      return expiredProblem(c, event.data);
    case 'ContractFlagged':
      return flaggedProblem(c, event.data);
    case 'ContractRectified':
      return rectifiedProblem(c, event.data);
    case 'ContractFlagWithdrawn':
      return withdrawnProblem(c, event.data);
    case 'ContractPaymentReceived':
      return paymentProblem(c, event.data);
  }
};

/**
 * Whether an event is a legal transition of the register: the one set of
 * rules the commands decide by (they build the event, then check it here)
 * and the checked import and `verify` re-apply to every recorded event.
 * `assets`, when the ledger year's asset register can be read, is where a
 * contract's subject must be.
 */
export const contractProblem = (book: ContractBook, event: ContractEvent, assets?: AssetRegister): ContractError | undefined => {
  if (event.type === 'ContractSigned') return signedProblem(book, event.data, assets);
  if (event.type === 'ContractIncomeRecognised') return recognisedProblem(book, event.data);
  const found = (NEEDS_LIVE.has(event.type) ? liveContractOn : contractOn)(book, event.data.contractId, event.data.organizationId);
  return found._tag === 'Left' ? found.left : onContract(found.right, event);
};
