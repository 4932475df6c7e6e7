import type { DecodedEvent } from '../../../kernel/event.js';
import { PersistentMap } from '../../../kernel/persistent-map.js';
import type { Projection } from '../../../kernel/projection.js';
import { Chart } from './chart.js';
import { chartDecider } from './decider.js';
import type { ChartEvent } from './events.js';

/** Each village's chart, by village id; villages that declared nothing are absent (see `chartOfVillage`). */
export type Charts = ReadonlyMap<string, Chart>;

const declare = (charts: PersistentMap<string, Chart>, { event }: DecodedEvent<ChartEvent>): PersistentMap<string, Chart> => {
  const chart = charts.get(event.data.organizationId) ?? Chart.standard();
  return charts.set(event.data.organizationId, chartDecider.evolve(chart, event));
};

/** Every village's chart of accounts, for reports: a persistent map of immutable charts. */
export const chartsProjection: Projection<PersistentMap<string, Chart>, ChartEvent> = {
  name: 'charts',
  handles: ['SubAccountDeclared', 'BankOverdraftAllowed'],
  init: () => PersistentMap.empty(),
  apply: declare,
};

/** A village's chart: the standard chart when it declared no sub-account. */
export const chartOfVillage = (charts: Charts, villageId: string): Chart => charts.get(villageId) ?? Chart.standard();
