import { defineConfig, type Options } from 'tsup';
import type { Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** In the CommonJS build, vitest is reached lazily (src/vitest-api.cjs.ts explains why). */
const lazyVitest: Plugin = {
  name: 'lazy-vitest',
  setup(build) {
    build.onResolve({ filter: /vitest-api\.js$/ }, () => ({
      path: fileURLToPath(new URL('./src/vitest-api.cjs.ts', import.meta.url)),
    }));
  },
};

const common: Options = { entry: { index: 'src/index.ts', 'protocol-fake': 'src/protocol-fake/index.ts' }, sourcemap: true, target: 'node20', external: ['vitest'] };

export default defineConfig([
  { ...common, format: ['esm'], dts: true, clean: true },
  { ...common, format: ['cjs'], dts: true, esbuildPlugins: [lazyVitest] },
]);
