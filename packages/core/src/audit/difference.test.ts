import { describe, expect, it } from 'vitest';
import { firstDifference } from './difference.js';

describe('firstDifference', () => {
  it('is undefined for equal JSON, absent and undefined keys alike', () => {
    expect(firstDifference({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x', c: undefined }] })).toBeUndefined();
  });

  it('names the first path that differs, with both values', () => {
    expect(firstDifference({ lines: [{ amount: '1.00' }, { amount: '2.00' }] }, { lines: [{ amount: '1.00' }, { amount: '3.00' }] })).toBe(
      'lines[1].amount: recorded "2.00", the rules give "3.00"',
    );
    expect(firstDifference({ a: 1 }, { a: 1, b: 'x' })).toBe('b: recorded nothing, the rules give "x"');
    expect(firstDifference(['x'], [])).toBe('[0]: recorded "x", the rules give nothing');
  });

  it('reads only own keys: a recorded "toString" or "constructor" is a difference, not a crash', () => {
    expect(firstDifference({ registers: { toString: 'x' } }, { registers: {} })).toBe('registers.toString: recorded "x", the rules give nothing');
    expect(firstDifference({ constructor: 1 }, {})).toBe('constructor: recorded 1, the rules give nothing');
    expect(firstDifference({ f: () => 1 }, {})).toBe('f: recorded a function, the rules give nothing');
  });
});
