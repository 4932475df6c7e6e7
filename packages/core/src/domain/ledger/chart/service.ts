import { defineCommand, noFacts } from '../../../kernel/command.js';
import type { FactReader } from '../../../kernel/fact-reader.js';
import type { Chart } from './chart.js';
import { AllowBankOverdraftInput, DeclareSubAccountInput } from './commands.js';
import { chartDecider } from './decider.js';
import { chartStream, type ChartEvent } from './events.js';

/** A village's chart of accounts: the standard accounts plus the sub-accounts and overdrafts its stream declares. */
export const loadChart = (reader: FactReader, villageId: string): Promise<Chart> =>
  reader.fold(chartStream(villageId), chartDecider.initialState(), (chart, event) => chartDecider.evolve(chart, event as ChartEvent));

/**
 * Declare a sub-account (明细科目) in a village's chart, e.g. 15101 经营性固定资产,
 * dated by the request's `occurredOn`. The decider refuses a 3-digit code, a
 * code already in the chart, and a code whose parent is not in it.
 */
export const declareSubAccount = defineCommand({
  name: 'DeclareSubAccount',
  input: DeclareSubAccountInput,
  stream: (input) => chartStream(input.organizationId),
  occurredOn: 'request',
  facts: noFacts,
  decider: () => chartDecider,
  command: (input) => ({ type: 'DeclareSubAccount' as const, input }),
});

/**
 * Declare that the bank lets a village overdraw an account (透支): 102
 * 银行存款 or an account under it in the chart, and with it every
 * sub-account under that account. From then on a voucher may leave it with a
 * credit balance; without the declaration it is refused
 * (`VOUCHER_BANK_OVERDRAWN`). Dated by the request's `occurredOn`. The decider
 * refuses another account, one not in the chart, and one already allowed.
 */
export const allowBankOverdraft = defineCommand({
  name: 'AllowBankOverdraft',
  input: AllowBankOverdraftInput,
  stream: (input) => chartStream(input.organizationId),
  occurredOn: 'request',
  facts: noFacts,
  decider: () => chartDecider,
  command: (input) => ({ type: 'AllowBankOverdraft' as const, input }),
});
