import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (pkg: string): string =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Unit tests sit beside the code; tests that need built output, a server or the
// file system at scale are named *.int.test.ts and run as their own project.
export default defineConfig({
  // Tests run against the sources; the built output is checked by dist.int.test.ts.
  resolve: {
    // The subpath comes first: an alias matches any import that starts with it.
    alias: {
      '@collective-ledger/testing/protocol-fake': fileURLToPath(new URL('./packages/testing/src/protocol-fake/index.ts', import.meta.url)),
      '@collective-ledger/core': source('core'),
      '@collective-ledger/testing': source('testing'),
      '@collective-ledger/cli': source('cli'),
      '@collective-ledger/postgres': source('postgres'),
      '@collective-ledger/eventstoredb': source('eventstoredb'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/dist/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['packages/*/src/**/*.int.test.ts', 'packages/*/test/**/*.int.test.ts', 'examples/*/**/*.int.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
