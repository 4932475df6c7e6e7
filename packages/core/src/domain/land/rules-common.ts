import type { VillageRegister } from '../organization/member-register.js';
import { landError, type LandError } from './errors.js';
import type { Consent } from './transfer-events.js';

/** What the land register reads of the village: its member register (households and members). */
export interface LandFacts {
  readonly members: VillageRegister | undefined;
}

/** The first problem found, or `undefined`. */
export const firstOf = (...checks: readonly (() => LandError | undefined)[]): LandError | undefined => {
  for (const check of checks) {
    const problem = check();
    if (problem !== undefined) return problem;
  }
  return undefined;
};

/** A household of the village's member register. */
export const householdProblem = (facts: LandFacts, field: string, householdId: string): LandError | undefined =>
  facts.members?.households.has(householdId) === true ? undefined : landError('LAND_HOUSEHOLD_UNKNOWN', `${field}: household ${householdId} is not on the village's member register`);

/** Dates strictly in order, none before `from` nor after `to`. */
export const datesProblem = (field: string, dates: readonly string[], from: string, to: string): LandError | undefined => {
  let previous = '';
  for (const [i, date] of dates.entries()) {
    if (date <= previous) return landError('LAND_SCHEDULE_INVALID', `${field}[${i}]: ${date} is not after ${previous}; give the dates in order, each once`);
    if (date < from || date > to) return landError('LAND_SCHEDULE_INVALID', `${field}[${i}]: ${date} is outside ${from} to ${to}`);
    previous = date;
  }
  return undefined;
};

/**
 * 书面同意: one consent from each household whose land passes, signed on or
 * before `date`, and none from a household that is not a party.
 */
export const consentProblem = (consents: readonly Consent[], households: ReadonlySet<string>, date: string): LandError | undefined => {
  const given = new Set<string>();
  for (const [i, c] of consents.entries()) {
    if (!households.has(c.householdId)) return landError('LAND_CONSENT_INVALID', `consents[${i}].householdId: ${c.householdId} has no land in this transfer`);
    if (given.has(c.householdId)) return landError('LAND_CONSENT_INVALID', `consents[${i}].householdId: ${c.householdId} consented twice`);
    if (c.signedOn > date) return landError('LAND_CONSENT_INVALID', `consents[${i}].signedOn: ${c.signedOn} is after ${date}; the consent comes first`);
    given.add(c.householdId);
  }
  const missing = [...households].filter((h) => !given.has(h)).sort();
  return missing.length === 0
    ? undefined
    : landError('LAND_CONSENT_MISSING', `consents: no written consent from household${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the management right passes only with each household's written consent`);
};
