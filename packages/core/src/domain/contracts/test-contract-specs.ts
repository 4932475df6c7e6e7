import type * as t from 'io-ts';
import { specFor } from '@collective-ledger/testing';
import type { EventDefinition } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import { decoded } from '../../test-support/decoded.js';
import { operationOf, posted, voucherOf, type Line, type OperationFacts } from '../../test-support/ledger-year.js';
import type { LedgerError } from '../ledger/errors.js';
import type { LedgerEvent } from '../ledger/events.js';
import { ledgerYearDecider, type SubLedgerOperation } from '../ledger/ledger-year.js';
import { subLedgers } from '../sub-ledgers.js';
import type { ContractError } from './errors.js';
import { contractSigned, type ContractEvent } from './events.js';
import { contractDateOf, contractInputCodecs, type ContractInputs } from './inputs.js';

/*
 * Given/when/then for the contract register as it is decided: on village
 * `v`'s ledger year, opened with nothing carried, standard chart. Events are
 * decoded through their codecs, so an expected event is what a ledger file
 * would hold.
 */

export type YearEvent = ContractEvent | LedgerEvent;

const spec = specFor(ledgerYearDecider<YearEvent, ContractError | LedgerError>(subLedgers, {}));

/** `given(...events).when(command)` on a ledger year that opened with an empty register. */
export const given = (...history: readonly YearEvent[]) => spec(history);

/** The contract operation `type` with this plain-JSON input (of `v`), decoded, as the ledger year decides it. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- K ties the codec of `type` to its date
export const contractOperation = <K extends keyof ContractInputs>(type: K, input: object, facts: OperationFacts = {}): SubLedgerOperation => {
  const value = decoded(contractInputCodecs[type] as unknown as t.Type<ContractInputs[K], unknown>, { organizationId: 'v', ...input });
  return operationOf('contracts', { type, input: value }, (contractDateOf[type] as (i: ContractInputs[K]) => string)(value), facts);
};

/** A contract event of `v` from its data as JSON. */
export const contractEvent = <Type extends ContractEvent['type'], Data>(definition: EventDefinition<Type, Data>, data: object): DomainEvent<Type, Data> => ({
  type: definition.type,
  data: decoded(definition.codec, { organizationId: 'v', ...data }),
});

/** A voucher the contract register generated. */
export const generated = (voucherNo: string, date: string, summary: string, lines: readonly Line[]): LedgerEvent =>
  posted(voucherOf(voucherNo, date, lines, { summary, origin: 'contracts' }));

/** A described shop let for two years, 600.00 due each 30 June and 31 December of 2024, as the register records it. */
export const SHOP = {
  contractId: 'c1',
  title: '门面房租赁合同',
  category: 'building-lease',
  counterparty: { name: '惠民超市', kind: 'company' },
  subject: { description: '村委会临街门面', area: { value: '120', unit: 'm2' } },
  signedOn: '2024-01-10',
  startsOn: '2024-01-01',
  endsOn: '2024-12-31',
  approvals: [{ procedure: 'tender', approvedOn: '2024-01-08' }],
  instalments: [
    { dueOn: '2024-06-30', amount: '600.00' },
    { dueOn: '2024-12-31', amount: '600.00' },
  ],
} as const;

/** SHOP as its ContractSigned records it. */
export const shopSigned = (extra: object = {}) =>
  contractEvent(contractSigned, {
    ...SHOP,
    registeredOn: SHOP.signedOn,
    instalments: SHOP.instalments.map((i, k) => ({ no: k + 1, ...i })),
    incomeAccount: '501',
    receivableAccount: '112',
    prepaymentAccount: '211',
    ...extra,
  });
