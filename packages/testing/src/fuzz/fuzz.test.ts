import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryEventStore } from '@collective-ledger/core';
import { fuzzBaseLedger } from './base-ledger.js';
import { ledgerMutations, MUTATION_KINDS, type LedgerMutation } from './mutations.js';
import { importVerdict } from './verdict.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2_000);

describe('fuzzing the checked import with mutations of a real ledger', () => {
  it('the base ledger itself, with and without its hashes, imports whole and verifies clean', async () => {
    const base = await fuzzBaseLedger(7);
    expect(base.length).toBeGreaterThan(30);
    const verdict = await importVerdict(new InMemoryEventStore(), base.map((line) => `${line}\n`).join(''));
    expect(verdict).toEqual({ accepted: true, events: base.length });
  });

  it(`${RUNS} mutations: no crash, every refusal names its line, every acceptance keeps the rules of the books, nothing written when refused`, async () => {
    const base = await fuzzBaseLedger(1);
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(ledgerMutations(base), async (mutation: LedgerMutation) => {
        const store = new InMemoryEventStore();
        const verdict = await importVerdict(store, mutation.text);
        const key = `${mutation.kind} ${verdict.accepted ? 'accepted' : 'refused'}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        if (!verdict.accepted) expect(store.size).toBe(0);
        else expect(store.size).toBe(verdict.events);
      }),
      { numRuns: RUNS },
    );
    // Every kind was tried, and some of them refused.
    for (const kind of MUTATION_KINDS) expect([...seen.keys()].some((key) => key.startsWith(`${kind} `))).toBe(true);
    expect([...seen.keys()].some((key) => key.endsWith('refused'))).toBe(true);
  }, 600_000);
});
