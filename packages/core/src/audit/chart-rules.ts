import { isRight } from 'fp-ts/lib/Either.js';
import { chartDecider, chartEvents, type Chart, type ChartCommand, type ChartEvent } from '../domain/ledger/chart/index.js';
import type { DomainEvent } from '../kernel/event.js';
import { asDecided, type BooksFacts } from './decided.js';
import { broken, type BookProblem } from './problem.js';

const CHART_EVENT_TYPES: ReadonlySet<string> = new Set(chartEvents.map((d) => d.type));

const isChartEvent = (event: DomainEvent): event is ChartEvent => CHART_EVENT_TYPES.has(event.type);

/** The command a recorded chart event answers. */
const commandOf = (event: ChartEvent): ChartCommand =>
  event.type === 'SubAccountDeclared' ? { type: 'DeclareSubAccount', input: event.data } : { type: 'AllowBankOverdraft', input: event.data };

/**
 * `chart-<village>`: each sub-account must be one declaring it would decide (a
 * new code, under a parent in the chart), each overdraft one allowing it
 * would (a bank account in the chart, not yet allowed).
 */
export const chartRules = {
  initial: chartDecider.initialState,
  // An event the rules refuse (a code declared twice) is not folded: the chart stays as the rules leave it.
  evolve: (chart: Chart, event: DomainEvent): Chart =>
    isChartEvent(event) && isRight(chartDecider.decide(commandOf(event), chart)) ? chartDecider.evolve(chart, event) : chart,
  check: (chart: Chart, event: DomainEvent, facts: BooksFacts): BookProblem[] => {
    if (!isChartEvent(event)) return [broken('STREAM_EVENT_TYPE', `a ${event.type} does not belong on a chart stream`)];
    return asDecided({ decide: chartDecider.decide, command: commandOf(event), state: chart, recorded: event }, facts);
  },
};
