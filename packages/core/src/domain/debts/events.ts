import { defineOrganizationEvent } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import { DebtOffsetData, DebtRecordedData, DebtRepaidData, DebtRestructuredData, DebtWrittenOffData } from './debt-events.js';

export const debtRecorded = defineOrganizationEvent('DebtRecorded', DebtRecordedData);
export const debtRepaid = defineOrganizationEvent('DebtRepaid', DebtRepaidData);
export const debtRestructured = defineOrganizationEvent('DebtRestructured', DebtRestructuredData);
export const debtOffset = defineOrganizationEvent('DebtOffset', DebtOffsetData);
export const debtWrittenOff = defineOrganizationEvent('DebtWrittenOff', DebtWrittenOffData);

export type DebtRecorded = DomainEvent<'DebtRecorded', DebtRecordedData>;
export type DebtRepaid = DomainEvent<'DebtRepaid', DebtRepaidData>;
export type DebtRestructured = DomainEvent<'DebtRestructured', DebtRestructuredData>;
export type DebtOffset = DomainEvent<'DebtOffset', DebtOffsetData>;
export type DebtWrittenOff = DomainEvent<'DebtWrittenOff', DebtWrittenOffData>;

/** A resolution (化解) of a debt, in part or in whole. */
export type DebtResolution = DebtRepaid | DebtRestructured | DebtOffset | DebtWrittenOff;

/** The debt register's events (不良债务台账). They live in the village's ledger-year streams, beside the vouchers they generate. */
export type DebtEvent = DebtRecorded | DebtResolution;

export const debtEvents = [debtRecorded, debtRepaid, debtRestructured, debtOffset, debtWrittenOff] as const;

export const debtEventTypes: readonly DebtEvent['type'][] = debtEvents.map((d) => d.type);

const DEBT_TYPES: ReadonlySet<string> = new Set(debtEventTypes);

export const isDebtEvent = (event: DomainEvent): event is DebtEvent => DEBT_TYPES.has(event.type);

/** The method of a resolution event. */
export const methodOf = (event: DebtResolution): 'repayment' | 'restructuring' | 'offset' | 'write-off' => {
  switch (event.type) {
    case 'DebtRepaid':
      return 'repayment';
    case 'DebtRestructured':
      return 'restructuring';
    case 'DebtOffset':
      return 'offset';
    case 'DebtWrittenOff':
      return 'write-off';
  }
};
