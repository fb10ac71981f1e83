import { describe, expect, it } from 'vitest';
import { pyRepr } from '../../src/core/pyrepr.js';
import { binaryOp, mul, pow, truediv, type PyLimits } from '../../src/core/pyops.js';
import { PyError, PyFloat } from '../../src/core/pyvalue.js';

const F = (x: number): PyFloat => new PyFloat(x);
const repr = (v: Parameters<typeof pyRepr>[0]): string => pyRepr(v);

describe('core pyops (the operators shared by the decoder and the executable library)', () => {
  it('int / int is correctly rounded, also past 2^53 (values from CPython 3.11)', () => {
    expect(repr(truediv(10n ** 400n, 10n ** 100n))).toBe('1e+300');
    expect(repr(truediv(2n ** 60n, 3))).toBe('3.843071682022823e+17');
  });

  it('float ** follows C pow where Math.pow differs', () => {
    expect(repr(pow(F(-1), F(Infinity)))).toBe('1.0');
    expect(repr(pow(F(-2), F(Infinity)))).toBe('inf');
    expect(repr(pow(F(-Infinity), F(0.5)))).toBe('inf');
    expect(repr(pow(F(-0), F(0.5)))).toBe('0.0');
    expect(repr(pow(F(1.1), 7))).toBe('1.9487171000000012');
    expect(() => pow(F(-8), F(1 / 3))).toThrow(PyError);
  });

  it('no int -0, and ZeroDivisionError messages as CPython', () => {
    expect(Object.is(mul(-3, 0), 0)).toBe(true);
    expect(() => binaryOp('%', 1, 0)).toThrow('ZeroDivisionError: integer modulo by zero');
    expect(() => binaryOp('//', 1, 0)).toThrow('ZeroDivisionError: integer division or modulo by zero');
    expect(repr(binaryOp('//', F(7.5), -2))).toBe('-4.0');
  });

  it('size caps: a result over the cap raises limits.tooBig() before it is built', () => {
    const lim: PyLimits = { maxIntBits: 64, maxSeqLen: 10, tooBig: () => new PyError('OverflowError', 'cap') };
    expect(pow(2, 63, lim)).toBe(2n ** 63n);
    expect(() => pow(2, 64, lim)).toThrow('OverflowError: cap');
    expect(() => pow(3, 10n ** 30n, lim)).toThrow('OverflowError: cap');
    expect(() => binaryOp('<<', 1, 64, lim)).toThrow('OverflowError: cap');
    expect(binaryOp('*', 'ab', 5, lim)).toBe('ababababab');
    expect(() => binaryOp('*', [0], 11, lim)).toThrow('OverflowError: cap');
    expect(binaryOp('*', [], 10n ** 30n, lim)).toEqual([]);
    expect(() => binaryOp('+', 'abcdef', 'ghijk', lim)).toThrow('OverflowError: cap');
  });
});
