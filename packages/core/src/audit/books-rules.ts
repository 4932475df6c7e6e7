import { coreCatalog } from '../catalog.js';
import type { EventCatalog } from '../kernel/catalog.js';
import type { LedgerProblem, LedgerRules } from '../kernel/ndjson/index.js';
import { BooksCheck, type Finding } from './books-check.js';

const problemOf = (finding: Finding): LedgerProblem => ({
  lineNumber: finding.line ?? 0,
  path: finding.streamId,
  reason: `${finding.rule}: ${finding.message}`,
});

/**
 * The bookkeeping rules as an import applies them (`importLedger`'s `rules`):
 * the store's events are folded first, then every line of the file is
 * checked by `BooksCheck`; a broken rule is a problem of its line, named
 * `<stream>: <RULE>: <why>`. Warnings (gaps in voucher numbers) do not
 * refuse an import; `verify` lists them.
 */
export const booksRules = (catalog: EventCatalog = coreCatalog): LedgerRules => {
  const check = new BooksCheck(catalog);
  return {
    known: (event) => { check.known(event); },
    check: (entry) =>
      check
        .check({ streamId: entry.streamId, ...entry.event }, { streamId: entry.streamId, line: entry.lineNumber })
        .filter((f) => f.severity === 'error')
        .map(problemOf),
    finish: () => check.finish().filter((f) => f.severity === 'error').map(problemOf),
  };
};
