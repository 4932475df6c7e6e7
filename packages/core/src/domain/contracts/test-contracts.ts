import { isLeft } from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import { runProjection } from '../../kernel/projection.js';
import { accountBalances, closingBalance, yearWindow, type AccountTotals } from '../../reports/balances.js';
import { overAnyEvent } from '../../reports/statement.js';
import { testLedger } from '../ledger/test-ledger.js';
import { registerResourceAsset } from '../assets/service.js';
import {
  amendContract,
  expireContract,
  flagContract,
  receiveContractPayment,
  recogniseContractIncome,
  rectifyContract,
  registerContract,
  renewContract,
  terminateContract,
  withdrawContractFlag,
  type ContractOutcome,
} from './service.js';

const services = {
  register: registerContract,
  amend: amendContract,
  renew: renewContract,
  terminate: terminateContract,
  expire: expireContract,
  flag: flagContract,
  rectify: rectifyContract,
  withdraw: withdrawContractFlag,
  recognise: recogniseContractIncome,
  pay: receiveContractPayment,
} as const;

export type ContractService = keyof typeof services;

/** A village's books (testLedger) with the contract services bound to village `v`, and a resource `r1` (20 mu of arable land) on its asset register. For tests. */
export const testContracts = async () => {
  const books = await testLedger();
  let n = 0;
  const resource = await registerResourceAsset(books.context, {
    commandId: 'r-1',
    actor: '会计',
    input: { organizationId: 'v', assetId: 'r1', name: '东坡耕地', kind: 'arable', area: '20', registeredOn: '2023-06-01', identifiedBy: 'register' },
  });
  if (isLeft(resource)) throw new Error(resource.left.message);
  const run = (service: ContractService, input: object): Promise<ContractOutcome> =>
    services[service](books.context, { commandId: `k-${(n += 1)}`, actor: '会计', input: { organizationId: 'v', ...input } as never });
  /** Run and expect success. */
  const ok = async (service: ContractService, input: object) => {
    const result = await run(service, input);
    if (isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
    return result.right;
  };
  /** Run expecting this refusal, and not one event more in the store. */
  const refused = async (service: ContractService, input: object, code: string, message?: string | RegExp): Promise<void> => {
    const before = books.store.size;
    const result = await run(service, input);
    expect(result._tag === 'Left' && result.left.code, isLeft(result) ? result.left.message : 'accepted').toBe(code);
    if (isLeft(result) && typeof message === 'string') expect(result.left.message).toBe(message);
    if (isLeft(result) && message instanceof RegExp) expect(result.left.message).toMatch(message);
    expect(books.store.size).toBe(before);
  };
  /** Every account's balance of village v at the end of `asOf` (signed fen, debit positive), from the ledger. */
  const balances = async (asOf: string): Promise<Map<string, bigint>> => {
    const { state } = await runProjection(books.store, books.context.catalog, overAnyEvent(accountBalances(yearWindow(Number(asOf.slice(0, 4)), asOf))));
    const totals = state.get('v') ?? new Map<string, AccountTotals>();
    return new Map([...totals].map(([code, t]) => [code, closingBalance(t)]));
  };
  return { ...books, run, ok, refused, balances };
};

/** A three-year land lease of `r1` to a household, 1000.00 due each 31 March. */
export const lease = (contractId: string, extra: object = {}) => ({
  contractId,
  title: `土地租赁合同${contractId}`,
  category: 'land-lease',
  counterparty: { name: '李四', kind: 'household' },
  subject: { description: '东坡耕地', assetId: 'r1', area: { value: '20', unit: 'mu' } },
  signedOn: '2024-01-05',
  startsOn: '2024-01-01',
  endsOn: '2026-12-31',
  approvals: [{ procedure: 'members-representatives', approvedOn: '2023-12-20' }, { procedure: 'public-disclosure', approvedOn: '2023-12-28' }],
  instalments: [
    { dueOn: '2024-03-31', amount: '1000.00' },
    { dueOn: '2025-03-31', amount: '1000.00' },
    { dueOn: '2026-03-31', amount: '1000.00' },
  ],
  ...extra,
});
