import type { DecodedEvent } from '../../../kernel/event.js';
import { PersistentMap } from '../../../kernel/persistent-map.js';
import type { Projection } from '../../../kernel/projection.js';
import { Chart } from './chart.js';
import type { SubAccountDeclared } from './events.js';

/** Each village's chart, by village id; villages that declared nothing are absent (see `chartOfVillage`). */
export type Charts = ReadonlyMap<string, Chart>;

const declare = (charts: PersistentMap<string, Chart>, { event: { data } }: DecodedEvent<SubAccountDeclared>): PersistentMap<string, Chart> => {
  const chart = charts.get(data.organizationId) ?? Chart.standard();
  return charts.set(data.organizationId, chart.withSubAccount(data));
};

/** Every village's chart of accounts, for reports: a persistent map of immutable charts. */
export const chartsProjection: Projection<PersistentMap<string, Chart>, SubAccountDeclared> = {
  name: 'charts',
  handles: ['SubAccountDeclared'],
  init: () => PersistentMap.empty(),
  apply: declare,
};

/** A village's chart: the standard chart when it declared no sub-account. */
export const chartOfVillage = (charts: Charts, villageId: string): Chart => charts.get(villageId) ?? Chart.standard();
