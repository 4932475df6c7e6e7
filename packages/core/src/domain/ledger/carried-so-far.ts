/**
 * Whether the close carries an account as it stands: not the income and
 * expense accounts (5…) it clears, nor 321 本年收益 and 322 收益分配 it moves
 * them into; every other account's balance is the same before the close and
 * after.
 */
const carriedAsItStands = (account: string): boolean => !account.startsWith('5') && !account.startsWith('321') && !account.startsWith('322');

/**
 * The balances a year opens with while the year before it is still open:
 * what that year opened with plus its movements so far, on the accounts its
 * close will carry as they stand (cash and bank among them). Signed fen,
 * debit positive. The command and the books check both compute it here.
 */
export const carriedSoFar = (openedWith: ReadonlyMap<string, bigint>, movements: Iterable<readonly [string, bigint]>): ReadonlyMap<string, bigint> => {
  const balances = new Map([...openedWith].filter(([account]) => carriedAsItStands(account)));
  for (const [account, fen] of movements) if (carriedAsItStands(account)) balances.set(account, (balances.get(account) ?? 0n) + fen);
  return balances;
};
