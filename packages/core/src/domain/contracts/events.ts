import { defineOrganizationEvent } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import { ContractAmendedData, ContractExpiredData, ContractRenewedData, ContractSignedData, ContractTerminatedData } from './contract-events.js';
import { ContractIncomeRecognisedData, ContractPaymentReceivedData } from './payment-events.js';
import { ContractFlaggedData, ContractFlagWithdrawnData, ContractRectifiedData } from './review-events.js';

export const contractSigned = defineOrganizationEvent('ContractSigned', ContractSignedData);
export const contractAmended = defineOrganizationEvent('ContractAmended', ContractAmendedData);
export const contractRenewed = defineOrganizationEvent('ContractRenewed', ContractRenewedData);
export const contractTerminated = defineOrganizationEvent('ContractTerminated', ContractTerminatedData);
export const contractExpired = defineOrganizationEvent('ContractExpired', ContractExpiredData);
export const contractFlagged = defineOrganizationEvent('ContractFlagged', ContractFlaggedData);
export const contractRectified = defineOrganizationEvent('ContractRectified', ContractRectifiedData);
export const contractFlagWithdrawn = defineOrganizationEvent('ContractFlagWithdrawn', ContractFlagWithdrawnData);
export const contractIncomeRecognised = defineOrganizationEvent('ContractIncomeRecognised', ContractIncomeRecognisedData);
export const contractPaymentReceived = defineOrganizationEvent('ContractPaymentReceived', ContractPaymentReceivedData);

type Of<Type extends string, Data> = DomainEvent<Type, Data>;

export type ContractSigned = Of<'ContractSigned', ContractSignedData>;
export type ContractAmended = Of<'ContractAmended', ContractAmendedData>;
export type ContractRenewed = Of<'ContractRenewed', ContractRenewedData>;
export type ContractTerminated = Of<'ContractTerminated', ContractTerminatedData>;
export type ContractExpired = Of<'ContractExpired', ContractExpiredData>;
export type ContractFlagged = Of<'ContractFlagged', ContractFlaggedData>;
export type ContractRectified = Of<'ContractRectified', ContractRectifiedData>;
export type ContractFlagWithdrawn = Of<'ContractFlagWithdrawn', ContractFlagWithdrawnData>;
export type ContractIncomeRecognised = Of<'ContractIncomeRecognised', ContractIncomeRecognisedData>;
export type ContractPaymentReceived = Of<'ContractPaymentReceived', ContractPaymentReceivedData>;

/** The contract register's events (合同台账). They live in the village's ledger-year streams, beside the vouchers they generate. */
export type ContractEvent =
  | ContractSigned
  | ContractAmended
  | ContractRenewed
  | ContractTerminated
  | ContractExpired
  | ContractFlagged
  | ContractRectified
  | ContractFlagWithdrawn
  | ContractIncomeRecognised
  | ContractPaymentReceived;

export const contractEvents = [
  contractSigned,
  contractAmended,
  contractRenewed,
  contractTerminated,
  contractExpired,
  contractFlagged,
  contractRectified,
  contractFlagWithdrawn,
  contractIncomeRecognised,
  contractPaymentReceived,
] as const;

export const contractEventTypes: readonly ContractEvent['type'][] = contractEvents.map((d) => d.type);

const CONTRACT_TYPES: ReadonlySet<string> = new Set(contractEventTypes);

export const isContractEvent = (event: DomainEvent): event is ContractEvent => CONTRACT_TYPES.has(event.type);
