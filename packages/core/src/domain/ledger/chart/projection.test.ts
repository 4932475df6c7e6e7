import { describe, expect, it } from 'vitest';
import { EventCatalog } from '../../../kernel/catalog.js';
import { InMemoryEventStore } from '../../../kernel/memory-store.js';
import { runProjection } from '../../../kernel/projection.js';
import { Chart } from './chart.js';
import { chartEvents, type ChartEvent } from './events.js';
import { chartOfVillage, chartsProjection } from './projection.js';
import { allowBankOverdraft, declareSubAccount } from './service.js';

describe('chartsProjection', () => {
  it('gives each village its chart, and the standard chart to villages that declared nothing', async () => {
    const store = new InMemoryEventStore();
    const context = { store, catalog: new EventCatalog<ChartEvent>([...chartEvents]) };
    let n = 0;
    const declare = (organizationId: string, code: string, nameZh: string, occurredOn = '2024-01-01') =>
      declareSubAccount(context, { input: { organizationId, code, nameZh }, commandId: `c${(n += 1)}`, occurredOn, actor: '会计' });
    await declare('v1', '15101', '经营性固定资产');
    await declare('v2', '50101', '销售收入');
    await declare('v1', '1510101', '房屋');
    await declare('v1', '15102', '非经营性固定资产', '2024-06-30');

    const { state } = await runProjection(store, context.catalog, chartsProjection);
    expect(chartOfVillage(state, 'v1').childrenOf('151').map((a) => a.code)).toEqual(['15101', '15102']);
    expect(chartOfVillage(state, 'v1').isLeaf('1510101')).toBe(true);
    expect(chartOfVillage(state, 'v1').has('50101')).toBe(false);
    expect(chartOfVillage(state, 'v2').account('50101')?.category).toBe('income');
    expect(chartOfVillage(state, 'v3')).toBe(Chart.standard());

    const earlier = await runProjection(store, context.catalog, chartsProjection, { asOf: '2024-03-31' });
    expect(chartOfVillage(earlier.state, 'v1').has('15102')).toBe(false);
  });

  it('folds bank overdrafts into the village chart, as of their date', async () => {
    const store = new InMemoryEventStore();
    const context = { store, catalog: new EventCatalog<ChartEvent>([...chartEvents]) };
    await allowBankOverdraft(context, { input: { organizationId: 'v1', account: '102' }, commandId: 'c1', occurredOn: '2024-05-01', actor: '会计' });
    const { state } = await runProjection(store, context.catalog, chartsProjection);
    expect(chartOfVillage(state, 'v1').account('102')?.mayBeOverdrawn).toBe(true);
    expect(chartOfVillage(state, 'v2').account('102')?.mayBeOverdrawn).toBe(false);
    const earlier = await runProjection(store, context.catalog, chartsProjection, { asOf: '2024-04-30' });
    expect(chartOfVillage(earlier.state, 'v1').account('102')?.mayBeOverdrawn).toBe(false);
  });
});
