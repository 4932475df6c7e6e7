import type * as Vitest from 'vitest';
import { createRequire } from 'node:module';

type Api = Pick<typeof Vitest, 'afterEach' | 'beforeEach' | 'describe' | 'expect' | 'it'>;

const load = (): Api => createRequire(__filename)('vitest') as Api;

/** A stand-in that loads vitest on first use, so `require('@collective-ledger/testing')` itself succeeds. */
const lazy = <K extends keyof Api>(name: K): Api[K] =>
  new Proxy(function vitestFunction() {} as unknown as Api[K], {
    apply: (_target, thisArg, args: unknown[]) => Reflect.apply(load()[name] as (...a: unknown[]) => unknown, thisArg, args),
    get: (_target, key) => Reflect.get(load()[name], key),
  });

export const afterEach = lazy('afterEach');
export const beforeEach = lazy('beforeEach');
export const describe = lazy('describe');
export const expect = lazy('expect');
export const it = lazy('it');
