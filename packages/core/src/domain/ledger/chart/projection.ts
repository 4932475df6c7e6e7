import type { DecodedEvent } from '../../../kernel/event.js';
import type { Projection } from '../../../kernel/projection.js';
import { Chart } from './chart.js';
import type { SubAccountDeclared } from './events.js';

/** Each village's chart, by village id; villages that declared nothing are absent (see `chartOfVillage`). */
export type Charts = ReadonlyMap<string, Chart>;

const declare = (charts: Map<string, Chart>, { event: { data } }: DecodedEvent<SubAccountDeclared>): Map<string, Chart> => {
  const chart = charts.get(data.organizationId) ?? Chart.standard();
  return charts.set(data.organizationId, chart.withSubAccount(data));
};

/**
 * Every village's chart of accounts, for reports. The state is a map the
 * projection extends in place (the runner owns it and folds forward only);
 * the charts in it are immutable.
 */
export const chartsProjection: Projection<Map<string, Chart>, SubAccountDeclared> = {
  name: 'charts',
  handles: ['SubAccountDeclared'],
  init: () => new Map(),
  apply: declare,
};

/** A village's chart: the standard chart when it declared no sub-account. */
export const chartOfVillage = (charts: Charts, villageId: string): Chart => charts.get(villageId) ?? Chart.standard();
