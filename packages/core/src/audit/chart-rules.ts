import { chartDecider, type Chart, type ChartEvent } from '../domain/ledger/chart/index.js';
import type { DomainEvent } from '../kernel/event.js';
import { asDecided, type BooksFacts } from './decided.js';
import { broken, type BookProblem } from './problem.js';

/** `chart-<village>`: each sub-account must be one declaring it would decide (a new code, under a parent in the chart). */
export const chartRules = {
  initial: chartDecider.initialState,
  evolve: (chart: Chart, event: DomainEvent): Chart => (event.type === 'SubAccountDeclared' ? chartDecider.evolve(chart, event as ChartEvent) : chart),
  check: (chart: Chart, event: DomainEvent, facts: BooksFacts): BookProblem[] => {
    if (event.type !== 'SubAccountDeclared') return [broken('STREAM_EVENT_TYPE', `a ${event.type} does not belong on a chart stream`)];
    const recorded = event as ChartEvent;
    return asDecided({ decide: chartDecider.decide, command: { type: 'DeclareSubAccount', input: recorded.data }, state: chart, recorded }, facts);
  },
};
