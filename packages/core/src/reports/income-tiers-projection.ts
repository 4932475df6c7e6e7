import { combineProjections } from '../kernel/projection.js';
import { accountBalances, yearWindow } from './balances.js';
import { organizationTree } from './organizations.js';
import { overAnyEvent } from './statement.js';

/**
 * What `incomeTiers` reads, in one pass over the store: the organization tree
 * and the account balances of the fiscal year (cut at `asOf` when given).
 * Replay it up to the end of the year (or `asOf`), so organizations registered
 * later do not appear. `statementsProjection(yearWindow(year))` holds the same
 * two states, so one replay can serve the statements and the income tiers.
 */
export const incomeTiersProjection = (year: number, asOf?: string) => {
  const window = yearWindow(year, asOf);
  return combineProjections(`income-tiers ${window.from}..${window.to}`, {
    tree: overAnyEvent(organizationTree),
    balances: overAnyEvent(accountBalances(window)),
  });
};
