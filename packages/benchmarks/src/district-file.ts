/**
 * The ledger benchmark's district (1,000 villages in 10 townships, 1,000
 * vouchers each: a million events) registered through the organization
 * service and written as an NDJSON ledger file, with the generator's exact sums.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { InMemoryEventStore, coreCatalog, organization, writeLedger } from '@collective-ledger/core';
import { YEAR, appendVouchers, townshipId, villageId, type Expected } from './ledger-district.js';

export const writeDistrictFile = async (
  path: string,
  { villages, vouchers, townships = 10 }: { readonly villages: number; readonly vouchers: number; readonly townships?: number },
): Promise<{ expected: Expected; events: number }> => {
  const store = new InMemoryEventStore();
  const context = { store, catalog: coreCatalog };
  let n = 0;
  const one = async (input: organization.RegisterOrganizationInput): Promise<void> => {
    const result = await organization.registerOrganization(context, { commandId: `r-${(n += 1)}`, actor: 'bench', occurredOn: `${YEAR}-01-01`, input });
    if (result._tag === 'Left') throw new Error(result.left.message);
  };
  await one({ organizationId: 'd', kind: 'district', code: '1', name: '基准区' });
  for (let t = 0; t < townships; t += 1) await one({ organizationId: townshipId(t), kind: 'township', code: `1${t}`, name: `第${t + 1}镇`, parentId: 'd' });
  for (let v = 0; v < villages; v += 1) {
    await one({ organizationId: villageId(v), kind: 'village', code: villageId(v), name: `第${v + 1}村`, parentId: townshipId(v % townships) });
  }
  const expected = await appendVouchers(store, { villages, vouchers, batch: 100 });
  const out = createWriteStream(path);
  for await (const line of writeLedger(store.readAll())) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return { expected, events: store.size };
};
