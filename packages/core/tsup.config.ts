import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsup';

/** Every source file but the tests, in a fixed order. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
    });

/** A hash of the sources: a read model made by other code is rebuilt (src/read-models/build.ts). */
const build = (): string => {
  const hash = createHash('sha256');
  for (const path of sources('src')) hash.update(path).update(readFileSync(path));
  return hash.digest('hex').slice(0, 16);
};

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  define: { __COLLECTIVE_LEDGER_BUILD__: JSON.stringify(build()) },
});
