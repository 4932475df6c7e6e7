import { describe, expect, it } from 'vitest';
import type { Decider, DomainEvent } from '@collective-ledger/core';
import { deepFreeze } from './deep-freeze.js';
import { comparable, specFor } from './given-when-then.js';

/**
 * A stand-in for Money: it remembers how the amount was written, so two equal
 * amounts differ inside (as decimal.js digit arrays can) but agree in JSON.
 */
class Amount {
  private constructor(
    readonly written: string,
    private readonly fen: bigint,
  ) {}

  static of(written: string): Amount {
    const [yuan = '0', jiao = ''] = written.split('.');
    return new Amount(written, BigInt(yuan) * 100n + BigInt(jiao.padEnd(2, '0').slice(0, 2)));
  }

  equals(other: Amount): boolean {
    return this.fen === other.fen;
  }

  toJSON(): string {
    return `${this.fen / 100n}.${String(this.fen % 100n).padStart(2, '0')}`;
  }
}

type VoucherCommand =
  | { readonly type: 'PostVoucher'; readonly voucherId: string; readonly debit: Amount; readonly credit: Amount }
  | { readonly type: 'VoidVoucher'; readonly voucherId: string };

type VoucherEvent =
  | DomainEvent<'VoucherPosted', { readonly voucherId: string; readonly amount: Amount }>
  | DomainEvent<'VoucherVoided', { readonly voucherId: string }>;

interface VoucherState {
  readonly posted: ReadonlySet<string>;
  readonly voided: ReadonlySet<string>;
}

type Decision = ReturnType<Decider<VoucherCommand, VoucherEvent, VoucherState>['decide']>;
const accept = (...events: VoucherEvent[]): Decision => ({ _tag: 'Right', right: events });
const refuse = (code: string, message: string): Decision => ({ _tag: 'Left', left: { code, message } });

const decide = (command: VoucherCommand, state: VoucherState): Decision => {
  switch (command.type) {
    case 'PostVoucher':
      if (!command.debit.equals(command.credit)) {
        return refuse('VOUCHER_UNBALANCED', `debits ${command.debit.toJSON()} ≠ credits ${command.credit.toJSON()}`);
      }
      if (state.posted.has(command.voucherId)) return accept();
      return accept({ type: 'VoucherPosted', data: { voucherId: command.voucherId, amount: command.debit } });
    case 'VoidVoucher':
      if (!state.posted.has(command.voucherId)) return refuse('VOUCHER_NOT_FOUND', `no voucher ${command.voucherId}`);
      if (state.voided.has(command.voucherId)) return refuse('VOUCHER_ALREADY_VOIDED', `${command.voucherId} is void`);
      return accept({ type: 'VoucherVoided', data: { voucherId: command.voucherId } });
  }
};

const vouchers: Decider<VoucherCommand, VoucherEvent, VoucherState> = {
  decide,
  evolve: (state, event) =>
    event.type === 'VoucherPosted'
      ? { ...state, posted: new Set([...state.posted, event.data.voucherId]) }
      : { ...state, voided: new Set([...state.voided, event.data.voucherId]) },
  initialState: () => ({ posted: new Set(), voided: new Set() }),
};

const given = specFor(vouchers);
const post = (voucherId: string, debit: string, credit = debit): VoucherCommand => ({
  type: 'PostVoucher',
  voucherId,
  debit: Amount.of(debit),
  credit: Amount.of(credit),
});
const posted = (voucherId: string, amount: string): VoucherEvent => ({
  type: 'VoucherPosted',
  data: { voucherId, amount: Amount.of(amount) },
});
const voided = (voucherId: string): VoucherEvent => ({ type: 'VoucherVoided', data: { voucherId } });

describe('given/when/then', () => {
  describe('then', () => {
    it('passes when the decider emits the expected events', () => {
      given([]).when(post('记-1', '100.00')).then([posted('记-1', '100.00')]);
    });

    it('compares values with toJSON through their JSON form, so equal amounts match however written', () => {
      expect(Amount.of('12.5')).not.toEqual(Amount.of('12.50'));
      given().when(post('记-1', '12.5')).then([posted('记-1', '12.50')]);
    });

    it('folds the given events, in order, before deciding', () => {
      given([posted('记-1', '5.00')]).when({ type: 'VoidVoucher', voucherId: '记-1' }).then([voided('记-1')]);
    });

    it('fails when the events differ, and the diff shows amounts as JSON', () => {
      let failure: unknown;
      try {
        given().when(post('记-1', '100.00')).then([posted('记-1', '90.00')]);
      } catch (error) {
        failure = error;
      }
      expect(failure).toMatchObject({
        actual: [{ type: 'VoucherPosted', data: { voucherId: '记-1', amount: '100.00' } }],
        expected: [{ type: 'VoucherPosted', data: { voucherId: '记-1', amount: '90.00' } }],
      });
    });

    it('fails with the refusal when the decider refused', () => {
      expect(() => {
        given().when(post('记-1', '100.00', '90.00')).then([posted('记-1', '100.00')]);
      }).toThrow('but the decider refused with VOUCHER_UNBALANCED: debits 100.00 ≠ credits 90.00');
    });

    it('accepts asymmetric matchers in expected events', () => {
      given()
        .when(post('记-7', '1.00'))
        .then([{ type: 'VoucherPosted', data: { voucherId: expect.stringMatching(/^记-/) as string, amount: Amount.of('1') } }]);
    });
  });

  describe('thenFails', () => {
    it('passes on the expected code, with an optional message part or pattern', () => {
      const when = given().when(post('记-1', '100.00', '90.00'));
      when.thenFails('VOUCHER_UNBALANCED');
      when.thenFails('VOUCHER_UNBALANCED', 'credits 90.00');
      when.thenFails('VOUCHER_UNBALANCED', /debits 100\.00/);
    });

    it('fails, naming the events, when the decider accepted instead', () => {
      expect(() => {
        given().when(post('记-1', '100.00')).thenFails('VOUCHER_UNBALANCED');
      }).toThrow(
        'expected a refusal VOUCHER_UNBALANCED, but the decider accepted with 1 event(s) [{"type":"VoucherPosted","data":{"voucherId":"记-1","amount":"100.00"}}]',
      );
    });

    it('fails on another code, quoting what the decider said', () => {
      const when = given([posted('记-1', '1.00'), voided('记-1')]).when({ type: 'VoidVoucher', voucherId: '记-1' });
      when.thenFails('VOUCHER_ALREADY_VOIDED');
      expect(() => {
        when.thenFails('VOUCHER_NOT_FOUND');
      }).toThrow('the decider said: VOUCHER_ALREADY_VOIDED: 记-1 is void');
    });

    it('fails when the message does not contain or match what is expected', () => {
      const when = given().when({ type: 'VoidVoucher', voucherId: '记-9' });
      expect(() => {
        when.thenFails('VOUCHER_NOT_FOUND', 'something else');
      }).toThrow("expected 'no voucher 记-9' to contain 'something else'");
      expect(() => {
        when.thenFails('VOUCHER_NOT_FOUND', /^voucher/);
      }).toThrow("expected 'no voucher 记-9' to match /^voucher/");
    });
  });

  describe('thenRefuses', () => {
    it('passes on the whole refusal: its code and its message, word for word', () => {
      given().when(post('记-1', '100.00', '90.00')).thenRefuses({ code: 'VOUCHER_UNBALANCED', message: 'debits 100.00 ≠ credits 90.00' });
    });

    it('fails on a message that is only part of the one given, or on another code', () => {
      const when = given().when({ type: 'VoidVoucher', voucherId: '记-9' });
      let failure: unknown;
      try {
        when.thenRefuses({ code: 'VOUCHER_NOT_FOUND', message: 'no voucher' });
      } catch (error) {
        failure = error;
      }
      expect(failure).toMatchObject({
        actual: { code: 'VOUCHER_NOT_FOUND', message: 'no voucher 记-9' },
        expected: { code: 'VOUCHER_NOT_FOUND', message: 'no voucher' },
      });
      expect(() => {
        when.thenRefuses({ code: 'VOUCHER_ALREADY_VOIDED', message: 'no voucher 记-9' });
      }).toThrow(/to deeply equal/);
    });

    it('fails on a field the refusal has and the expected one does not', () => {
      const detailed: Decider<VoucherCommand, VoucherEvent, VoucherState> = {
        ...vouchers,
        decide: () => ({ _tag: 'Left', left: { code: 'VOUCHER_NOT_FOUND', message: 'no voucher 记-9', field: 'voucherId' } as never }),
      };
      expect(() => {
        specFor(detailed)().when({ type: 'VoidVoucher', voucherId: '记-9' }).thenRefuses({ code: 'VOUCHER_NOT_FOUND', message: 'no voucher 记-9' });
      }).toThrow(/to deeply equal/);
    });

    it('fails, naming the events, when the decider accepted instead', () => {
      expect(() => {
        given().when(post('记-1', '100.00')).thenRefuses({ code: 'VOUCHER_UNBALANCED', message: 'debits 100.00 ≠ credits 90.00' });
      }).toThrow(
        'expected the refusal VOUCHER_UNBALANCED: debits 100.00 ≠ credits 90.00, but the decider accepted with 1 event(s) [{"type":"VoucherPosted","data":{"voucherId":"记-1","amount":"100.00"}}]',
      );
    });
  });

  describe('thenNothing', () => {
    it('passes when the decider accepts without events (an idempotent repeat)', () => {
      given([posted('记-1', '3.00')]).when(post('记-1', '3.00')).thenNothing();
    });

    it('fails when the decider emits events', () => {
      expect(() => {
        given().when(post('记-1', '3.00')).thenNothing();
      }).toThrow('expected no events, but got 1 event(s)');
    });

    it('fails when the decider refuses', () => {
      expect(() => {
        given().when({ type: 'VoidVoucher', voucherId: '记-2' }).thenNothing();
      }).toThrow(
        'expected no events, but the decider refused with VOUCHER_NOT_FOUND',
      );
    });
  });

  describe('deep-frozen states, events and commands', () => {
    /** The voucher decider with an `evolve` that adds to the sets it was given instead of making new ones. */
    const mutating: Decider<VoucherCommand, VoucherEvent, VoucherState> = {
      ...vouchers,
      evolve: (state, event) => {
        (event.type === 'VoucherPosted' ? (state.posted as Set<string>) : (state.voided as Set<string>)).add(event.data.voucherId);
        return state;
      },
    };

    it('fails a spec whose evolve changes the state it was given, naming the step', () => {
      expect(() => {
        specFor(mutating)([posted('记-1', '5.00')]).when({ type: 'VoidVoucher', voucherId: '记-1' }).then([voided('记-1')]);
      }).toThrow(
        'evolve (given event 1, VoucherPosted) changed a value it was given (Cannot call add() on a Set frozen by deepFreeze); specFor deep-freezes every state, event and command: return a new state instead of changing one',
      );
    });

    it('fails a spec whose evolve writes a property of the state, or whose decide changes the command', () => {
      const counting: Decider<VoucherCommand, VoucherEvent, { count: number }> = {
        decide: () => ({ _tag: 'Right', right: [] }),
        evolve: (state) => {
          state.count += 1;
          return state;
        },
        initialState: () => ({ count: 0 }),
      };
      expect(() => {
        specFor(counting)([voided('记-1')]).when({ type: 'VoidVoucher', voucherId: '记-1' }).thenNothing();
      }).toThrow(/^evolve \(given event 1, VoucherVoided\) changed a value it was given \(Cannot assign to read only property 'count'/);
      const renaming: Decider<VoucherCommand, VoucherEvent, VoucherState> = {
        ...vouchers,
        decide: (command, state) => {
          (command as { voucherId: string }).voucherId = '记-2';
          return decide(command, state);
        },
      };
      expect(() => {
        specFor(renaming)().when(post('记-1', '1.00')).thenNothing();
      }).toThrow(/^decide \(PostVoucher\) changed a value it was given/);
    });

    it('freezes maps and sets against set, add, delete and clear, and everything inside them', () => {
      const inner = { n: 1 };
      const frozen = deepFreeze({ map: new Map([['k', inner]]), set: new Set([[1]]) });
      expect(() => frozen.map.set('j', inner)).toThrow('Cannot call set() on a Map frozen by deepFreeze');
      expect(() => frozen.map.delete('k')).toThrow('Cannot call delete() on a Map frozen by deepFreeze');
      expect(() => {
        frozen.map.clear();
      }).toThrow('Cannot call clear() on a Map frozen by deepFreeze');
      expect(() => frozen.set.add([2])).toThrow('Cannot call add() on a Set frozen by deepFreeze');
      expect(Object.isFrozen(inner) && Object.isFrozen([...frozen.set][0])).toBe(true);
      expect(frozen.map.get('k')).toBe(inner);
    });
  });

  describe('comparable', () => {
    it('turns values with toJSON into JSON and walks arrays and plain objects', () => {
      expect(comparable({ a: [Amount.of('1.5'), { at: new Date('2024-01-01T00:00:00Z') }], n: 2n })).toEqual({
        a: ['1.50', { at: '2024-01-01T00:00:00.000Z' }],
        n: 2n,
      });
    });

    it('keeps other objects as they are, so different maps stay different', () => {
      const map = new Map([['k', 1]]);
      expect(comparable({ map })).toEqual({ map });
      expect(comparable({ map })).not.toEqual({ map: new Map([['k', 2]]) });
    });
  });
});
