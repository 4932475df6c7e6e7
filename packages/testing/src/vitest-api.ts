/**
 * The one place the testing package reaches vitest. The ESM build uses it as
 * it is; the CommonJS build swaps in `vitest-api.cjs.ts` (see tsup.config.ts),
 * because vitest refuses `require()`: there the package loads, its fixtures
 * work, and a suite only reaches vitest, with vitest's own explanation, when it
 * is called.
 */
export { afterEach, beforeEach, describe, expect, it } from 'vitest';
