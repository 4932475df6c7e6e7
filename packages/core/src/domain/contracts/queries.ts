import type { Subject } from './contract-events.js';
import type { ContractRecord } from './register.js';
import { daysBetween } from './status.js';
import type { ContractRegister } from './view.js';

/** In force on `date`: inside its term, and not ended on or before it. */
export const isLiveOn = (card: ContractRecord, date: string): boolean =>
  card.startsOn <= date && date <= card.endsOn && (card.endedOn === undefined || card.endedOn > date);

/** The days of the term, both ends included. */
export const termDays = (card: Pick<ContractRecord, 'startsOn' | 'endsOn'>): number => daysBetween(card.startsOn, card.endsOn) + 1;

/** What identifies a subject across contracts: its asset id, else its description as written. */
export const subjectKeyOf = (subject: Subject): string => (subject.assetId === undefined ? `described:${subject.description}` : `asset:${subject.assetId}`);

/** 一地多租: subjects held by more than one contract in force on `date`, with those contracts, in the order registered. */
export const doubleLettings = (register: ContractRegister, date: string): { readonly subject: string; readonly contractIds: readonly string[] }[] => {
  const bySubject = new Map<string, string[]>();
  for (const { card } of register.values()) {
    if (!isLiveOn(card, date)) continue;
    const key = subjectKeyOf(card.subject);
    bySubject.set(key, [...(bySubject.get(key) ?? []), card.contractId]);
  }
  return [...bySubject].filter(([, ids]) => ids.length > 1).map(([subject, contractIds]) => ({ subject, contractIds }));
};
