import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { InMemoryEventStore } from '../../kernel/memory-store.js';
import { coreCatalog } from '../../catalog.js';
import { registerOrganization } from './service.js';

const request = (input: unknown, commandId: string) => ({ input: input as never, commandId, occurredOn: '2022-01-01', actor: 'registrar' });

describe('registerOrganization', () => {
  it('registers a district, a township and a village, reading each parent', async () => {
    const store = new InMemoryEventStore();
    const context = { store, catalog: coreCatalog };
    await registerOrganization(context, request({ organizationId: 'd', kind: 'district', code: '140105', name: '小店区' }, 'c1'));
    await registerOrganization(context, request({ organizationId: 't', kind: 'township', code: '140105100', name: '北格镇', parentId: 'd' }, 'c2'));
    const village = await registerOrganization(
      context,
      request({ organizationId: 'v', kind: 'village', code: '140105100201', name: '张家村', parentId: 't' }, 'c3'),
    );
    expect(isRight(village)).toBe(true);
    expect(store.size).toBe(3);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const store = new InMemoryEventStore();
    const result = await registerOrganization(
      { store, catalog: coreCatalog },
      request({ organizationId: 'v', kind: 'hamlet', code: '', name: '张家村' }, 'c1'),
    );
    expect(isLeft(result) && result.left.message).toContain('kind: expected district, township or village, got "hamlet"');
    expect(isLeft(result) && result.left.message).toContain('code: expected a non-empty string, got ""');
    expect(store.size).toBe(0);
  });

  it('refuses a village whose township is not registered, and writes nothing', async () => {
    const store = new InMemoryEventStore();
    const result = await registerOrganization(
      { store, catalog: coreCatalog },
      request({ organizationId: 'v', kind: 'village', code: '1', name: '张家村', parentId: 'nowhere' }, 'c1'),
    );
    expect(isLeft(result) && result.left.code).toBe('ORGANIZATION_PARENT_UNKNOWN');
    expect(store.size).toBe(0);
  });
});
