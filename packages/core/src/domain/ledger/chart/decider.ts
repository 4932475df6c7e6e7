import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Decider } from '../../../kernel/decider.js';
import { Chart, type SubAccountProblem } from './chart.js';
import type { ChartCommand } from './commands.js';
import type { ChartEvent } from './events.js';

/** A refused declaration: the code is 3 digits, already taken, or extends an account not in the chart. */
export type ChartError = SubAccountProblem;

const decide = (command: ChartCommand, chart: Chart): Either<ChartError, readonly ChartEvent[]> => {
  const refused = chart.subAccountProblem(command.input.code);
  if (refused !== undefined) return left(refused);
  // The code passed subAccountProblem, so it has at least 5 digits, as the event's codec requires.
  return right([{ type: 'SubAccountDeclared', data: command.input }]);
};

const evolve = (chart: Chart, event: ChartEvent): Chart => chart.withSubAccount(event.data);

/** The chart stream of one village: its state is the village's `Chart`. */
export const chartDecider: Decider<ChartCommand, ChartEvent, Chart, ChartError> = {
  decide,
  evolve,
  initialState: () => Chart.standard(),
};
