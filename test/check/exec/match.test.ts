/** Matcher edge cases (bfcl-spec.md §7.3). */
import { describe, expect, it } from 'vitest';
import { matchResult, withinRealTime } from '../../../src/check/exec/match.js';
import { PyDict, PyFloat, PyTuple } from '../../../src/core/pyvalue.js';

const F = (x: number): PyFloat => new PyFloat(x);

describe('exact_match', () => {
  it('uses Python ==: 5 == 5.0 and True == 1, but not "5"', () => {
    expect(matchResult(5, F(5), 'exact_match', 'f()').valid).toBe(true);
    expect(matchResult(true, 1, 'exact_match', 'f()').valid).toBe(true);
    const m = matchResult('5', 5, 'exact_match', 'f(a=1)');
    expect(m.errorType).toBe('executable_checker:wrong_result');
    expect(m.error).toBe(`Wrong execution result for 'f(a=1)'. Expected: 5, but got: 5.`);
  });
  it('compares lists element-wise and dicts by content, order-free', () => {
    expect(matchResult([1, F(2.5)], [F(1), F(2.5)], 'exact_match', 'f()').valid).toBe(true);
    expect(matchResult(PyDict.fromObject({ a: 1, b: 2 }), PyDict.fromObject({ b: 2, a: 1 }), 'exact_match', 'f()').valid).toBe(true);
    expect(matchResult([1, 2], new PyTuple([1, 2]), 'exact_match', 'f()').valid).toBe(false);
  });
  it('distinguishes floats that differ in the last bit', () => {
    expect(matchResult(F(0.1 + 0.2), F(0.3), 'exact_match', 'f()').valid).toBe(false);
  });
});

describe('real_time_match', () => {
  it('accepts ±20 %, int or float', () => {
    expect(matchResult(F(119.9), 100, 'real_time_match', 'f()').valid).toBe(true);
    expect(matchResult(80, F(100), 'real_time_match', 'f()').valid).toBe(true);
    const m = matchResult(F(121), 100, 'real_time_match', 'f()');
    expect(m.errorType).toBe('executable_checker:wrong_result_real_time');
    expect(m.error).toBe("Wrong execution result for 'f()'. Expected: 100, but got: 121.0. 20.0% difference allowed.");
  });
  it('BFCL quirk: a negative expected value inverts the interval, so even the same value fails', () => {
    expect(withinRealTime(F(-10), F(-10))).toBe(false);
    expect(matchResult(-10, -10, 'real_time_match', 'f()').valid).toBe(false);
  });
  it('zero expected only accepts zero', () => {
    expect(matchResult(0, 0, 'real_time_match', 'f()').valid).toBe(true);
    expect(matchResult(F(1e-9), 0, 'real_time_match', 'f()').valid).toBe(false);
  });
  it('rejects non-numbers and bools with the type message', () => {
    for (const got of ['100', true, [100], null]) {
      const m = matchResult(got, 100, 'real_time_match', 'f()');
      expect(m.valid).toBe(false);
      expect(m.error).toContain('Type needs to be float or int for real time match criteria.');
    }
  });
});

describe('structural_match', () => {
  it('needs the same Python type: int is not float, bool is not int', () => {
    expect(matchResult(5, F(5), 'structural_match', 'f()').errorType).toBe('executable_checker:wrong_result_type');
    expect(matchResult(true, 1, 'structural_match', 'f()').errorType).toBe('executable_checker:wrong_result_type');
    expect(matchResult(F(71.3), F(12), 'structural_match', 'f()').valid).toBe(true);
    expect(matchResult(5, F(5), 'structural_match', 'f()').error).toBe("Wrong execution result type for 'f()'. Expected type: <class 'float'>, but got: <class 'int'>.");
  });
  it('compares dict key sets: missing key first, then extra key; values are ignored', () => {
    const exp = PyDict.fromObject({ a: 1, b: 2 });
    expect(matchResult(PyDict.fromObject({ b: 'x', a: null }), exp, 'structural_match', 'f()').valid).toBe(true);
    expect(matchResult(PyDict.fromObject({ a: 1 }), exp, 'structural_match', 'f()').errorType).toBe('executable_checker:wrong_result_type:dict_key_not_found');
    expect(matchResult(PyDict.fromObject({ a: 1, b: 2, c: 3 }), exp, 'structural_match', 'f()').errorType).toBe('executable_checker:wrong_result_type:dict_extra_key');
    expect(matchResult(PyDict.fromObject({ a: 1, c: 3, d: 4 }), exp, 'structural_match', 'f()').errorType).toBe('executable_checker:wrong_result_type:dict_key_not_found');
  });
  it('compares list lengths only', () => {
    expect(matchResult([1, 'x'], [F(2), F(3)], 'structural_match', 'f()').valid).toBe(true);
    expect(matchResult([1], [1, 2], 'structural_match', 'f()').errorType).toBe('executable_checker:wrong_result_type:list_length');
  });
});
