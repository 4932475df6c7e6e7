import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../kernel/event.js';
import type { LedgerProblem } from '../kernel/ndjson/index.js';
import { districtBooks, registration, voucher } from '../test-support/scope-books.js';
import { scopeRules } from './rules.js';

/** The problems of `lines` (stream, event) checked by the rules of `organizations` after the district's books. */
const problemsOf = async (organizations: readonly string[], lines: readonly (readonly [string, NewEvent])[]): Promise<LedgerProblem[]> => {
  const rules = scopeRules({ organizations });
  for await (const event of (await districtBooks()).readAll()) rules.known(event);
  const problems = lines.flatMap(([streamId, event], i) => rules.check({ lineNumber: i + 1, streamId, event }));
  return [...problems, ...rules.finish()];
};

describe('an import kept to a scope', () => {
  it('takes a township’s own books and a village registered in it by the file', async () => {
    expect(
      await problemsOf(['t1'], [
        ['ledger-v1-2024', voucher('v1')],
        ['organization-v3', registration('v3', 'village', 't1')],
        ['ledger-v3-2024', voucher('v3')],
        ['organization-d', registration('d', 'district')],
      ]),
    ).toEqual([]);
  });

  it('names the line and the stream of everything else, and the organization', async () => {
    expect(
      await problemsOf(['v1'], [
        ['ledger-w-2024', voucher('w')],
        ['organization-t2', registration('t2', 'township', 'd')],
        ['ledger-v1-2024', voucher('v2')],
        ['notes-1', voucher('v1')],
      ]),
    ).toEqual([
      { lineNumber: 1, path: 'ledger-w-2024', reason: 'OUT_OF_SCOPE: the stream belongs to organization w, outside the scope of organization v1' },
      { lineNumber: 3, path: 'ledger-v1-2024', reason: 'OUT_OF_SCOPE: the event names organization v2, outside the scope of organization v1' },
      { lineNumber: 4, path: 'notes-1', reason: 'OUT_OF_SCOPE: the stream belongs to no organization, outside the scope of organization v1' },
      { lineNumber: 2, path: 'organization-t2', reason: 'OUT_OF_SCOPE: the stream belongs to organization t2, outside the scope of organization v1' },
    ]);
  });
});
