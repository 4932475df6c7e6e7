import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Decider } from '../../../kernel/decider.js';
import { Chart, type OverdraftProblem, type SubAccountProblem } from './chart.js';
import type { ChartCommand } from './commands.js';
import type { ChartEvent } from './events.js';

/** A refused declaration: a sub-account code that is 3 digits, taken or under no account; an overdraft not on a bank account, or allowed already. */
export type ChartError = SubAccountProblem | OverdraftProblem;

const decide = (command: ChartCommand, chart: Chart): Either<ChartError, readonly ChartEvent[]> => {
  switch (command.type) {
    case 'DeclareSubAccount': {
      const refused = chart.subAccountProblem(command.input.code);
      // The code passed subAccountProblem, so it has at least 5 digits, as the event's codec requires.
      return refused === undefined ? right([{ type: 'SubAccountDeclared', data: command.input }]) : left(refused);
    }
    case 'AllowBankOverdraft': {
      const refused = chart.overdraftProblem(command.input.account);
      // The account passed overdraftProblem, so it is 102 or under it, as the event's codec requires.
      return refused === undefined ? right([{ type: 'BankOverdraftAllowed', data: command.input }]) : left(refused);
    }
  }
};

const evolve = (chart: Chart, event: ChartEvent): Chart =>
  event.type === 'SubAccountDeclared' ? chart.withSubAccount(event.data) : chart.withOverdraftAllowed(event.data.account);

/** The chart stream of one village: its state is the village's `Chart`. */
export const chartDecider: Decider<ChartCommand, ChartEvent, Chart, ChartError> = {
  decide,
  evolve,
  initialState: () => Chart.standard(),
};
