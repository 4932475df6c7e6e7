import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreCatalog } from '../../catalog.js';
import type { DecodedEvent, DomainEvent } from '../../kernel/event.js';
import { foldEvents } from '../../kernel/projection.js';
import { Money } from '../../money/money.js';
import type { ContractEvent } from './events.js';
import { applyContractView, contractRegisterOf, contractRegisters, emptyContractRegister } from './view.js';

/** What a reader sees of a state: maps as entries in their order, bigints as text. */
const plain = (value: unknown): unknown => {
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) {
    if (Symbol.iterator in value && 'get' in value) return [...(value as Iterable<[unknown, unknown]>)].map(([k, v]) => [k, plain(v)]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
};

const day = (n: number): string => new Date(Date.parse('2024-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
const yuan = (fen: number): string => Money.fromFen(BigInt(fen)).toString();

/** A contract event of village `v` or `w` on contract c0…c3 (an id the register may not hold: the fold passes it by), as the catalog decodes it. */
const step = fc.record({
  kind: fc.constantFrom('sign', 'pay', 'recognise', 'flag', 'rectify', 'withdraw', 'terminate', 'expire', 'amend', 'renew'),
  village: fc.constantFrom('v', 'w'),
  contract: fc.integer({ min: 0, max: 3 }),
  day: fc.integer({ min: 0, max: 700 }),
  fen: fc.integer({ min: 1, max: 100_000 }),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const instalments = (s: Step, from: number) => [1, 2].map((k) => ({ no: from + k, dueOn: day(s.day + k * 30), amount: yuan(s.fen) }));

const jsonOf = (s: Step): { type: string; data: Record<string, unknown> } => {
  const base = { organizationId: s.village, contractId: `c${s.contract}` };
  const on = day(s.day);
  switch (s.kind) {
    case 'sign':
      return {
        type: 'ContractSigned',
        data: { ...base, title: '租赁合同', category: 'land-lease', counterparty: { name: '李四', kind: 'household' }, subject: { description: `地块${s.contract}` }, signedOn: on, registeredOn: on, startsOn: on, endsOn: day(s.day + 400), approvals: [], instalments: instalments(s, 0), incomeAccount: '501', receivableAccount: '112', prepaymentAccount: '211' },
      };
    case 'pay':
      return { type: 'ContractPaymentReceived', data: { ...base, receivedOn: on, amount: yuan(s.fen), receivedInto: '102', toReceivable: yuan(s.fen), toPrepayment: '0.00', voucherNo: '合-001' } };
    case 'recognise':
      return { type: 'ContractIncomeRecognised', data: { organizationId: s.village, recognisedOn: on, contracts: [{ contractId: base.contractId, instalments: [1], amount: yuan(s.fen), prepaid: '0.00' }, { contractId: 'c9', instalments: [1], amount: '1.00', prepaid: '0.00' }], voucherNo: '合-002' } };
    case 'flag':
      return { type: 'ContractFlagged', data: { ...base, flaggedOn: on, reasons: [{ reason: 'fees-unpaid' }] } };
    case 'rectify':
      return { type: 'ContractRectified', data: { ...base, rectifiedOn: on, method: 'supplemented' } };
    case 'withdraw':
      return { type: 'ContractFlagWithdrawn', data: { ...base, withdrawnOn: on, reason: '误认' } };
    case 'terminate':
      return { type: 'ContractTerminated', data: { ...base, terminatedOn: on, reason: 'mutual-agreement', note: '协商解除', cancelled: [2], refundDue: yuan(s.fen) } };
    case 'expire':
      return { type: 'ContractExpired', data: { ...base, expiredOn: on } };
    case 'amend':
      return { type: 'ContractAmended', data: { ...base, amendedOn: on, effectiveFrom: on, reason: '调价', approvals: [], replaces: [2], instalments: instalments(s, 10) } };
    case 'renew':
      return { type: 'ContractRenewed', data: { ...base, renewedOn: on, endsOn: day(s.day + 800), approvals: [], instalments: instalments(s, 20) } };
  }
};

const decodedOf = (steps: readonly Step[]): DecodedEvent<ContractEvent>[] =>
  steps.map((s, i) => {
    const { type, data } = jsonOf(s);
    const event = coreCatalog.decode(type, data, 1) as ContractEvent;
    return { streamId: `ledger-${s.village}-2024`, streamPosition: BigInt(i), globalPosition: BigInt(i + 1), event, metadata: { eventId: `e${i}`, occurredOn: day(s.day), recordedAt: '2024-01-01T00:00:00Z', actor: 'a', schemaVersion: 1 } };
  });

describe('the contract registers with history, folded in batches', () => {
  it('read exactly as the same events folded one by one, however the batches are cut, the states before left as they were', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }), (steps, cuts) => {
        const events = decodedOf(steps);
        const oneByOne = events.reduce((state, e) => contractRegisters.apply(state, e), contractRegisters.init());
        const at = [...new Set(cuts.map((c) => Math.min(c, events.length)))].sort((a, b) => a - b);
        let state = contractRegisters.init();
        let from = 0;
        const seen: { state: typeof state; plain: unknown }[] = [];
        for (const to of [...at, events.length]) {
          seen.push({ state, plain: plain(state) });
          state = foldEvents(contractRegisters, state, events.slice(from, to));
          from = to;
        }
        expect(plain(state)).toEqual(plain(oneByOne));
        for (const before of seen) expect(plain(before.state)).toEqual(before.plain);
        const village = (id: string): DomainEvent[] => events.filter((e) => e.event.data.organizationId === id).map((e) => e.event);
        expect(plain(contractRegisterOf(village('v')))).toEqual(plain(oneByOne.get('v') ?? emptyContractRegister()));
        expect(plain(village('w').reduce((r, e) => applyContractView(r, e as ContractEvent), emptyContractRegister()))).toEqual(plain(oneByOne.get('w') ?? emptyContractRegister()));
      }),
      { numRuns: 300 },
    );
  });
});
