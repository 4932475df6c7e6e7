import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { contractError, type ContractError } from './errors.js';
import type { ContractBook, ContractRecord } from './register.js';

const endedError = (contractId: string, status: 'terminated' | 'expired', on: string): ContractError =>
  status === 'terminated'
    ? contractError('CONTRACT_TERMINATED', `contractId: ${contractId} was terminated on ${on}`)
    : contractError('CONTRACT_EXPIRED', `contractId: ${contractId} expired on ${on}; sign a new contract`);

/** A contract on the register, live or ended; one a close no longer carries is refused as ended. */
export const contractOn = (book: ContractBook, contractId: string, organizationId: string): Either<ContractError, ContractRecord> => {
  const c = book.contracts.get(contractId);
  if (c !== undefined) return right(c);
  const ended = book.ended.get(contractId);
  if (ended !== undefined) return left(endedError(contractId, ended.status, ended.endedOn));
  return left(contractError('CONTRACT_UNKNOWN', `contractId: ${contractId} is not a contract of ${organizationId}`));
};

/** A contract still in force: neither terminated nor expired. */
export const liveContractOn = (book: ContractBook, contractId: string, organizationId: string): Either<ContractError, ContractRecord> => {
  const found = contractOn(book, contractId, organizationId);
  if (found._tag === 'Left') return found;
  const c = found.right;
  return c.status === 'live' || c.endedOn === undefined ? found : left(endedError(contractId, c.status, c.endedOn));
};

/** Nothing about a contract is dated before it entered the register. */
export const beforeRegistration = (c: ContractRecord, field: string, date: string): ContractError | undefined =>
  date < c.registeredOn ? contractError('CONTRACT_DATE_INVALID', `${field}: ${date} is before ${c.contractId} was registered on ${c.registeredOn}`) : undefined;
