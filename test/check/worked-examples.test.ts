/** bfcl-spec.md §5.13: the worked examples, on the real dataset entries. */
import { describe, expect, it } from 'vitest';
import { call, dict, fl, tup, verdictType } from './build.js';

describe('simple_python_0 (calculate_triangle_area; unit optional)', () => {
  const id = 'simple_python_0';
  const f = 'calculate_triangle_area';
  it.each([
    ['required only', [call(f, { base: 10, height: 5 })], null],
    ['unit normalised', [call(f, { base: 10, height: 5, unit: 'Units' })], null],
    ['empty string for the optional unit', [call(f, { base: 10, height: 5, unit: '' })], null],
    ['float for integer', [call(f, { base: fl(10), height: 5 })], 'type_error:simple'],
    ['string for integer', [call(f, { base: '10', height: 5 })], 'type_error:simple'],
    ['bool for integer', [call(f, { base: true, height: 5 })], 'type_error:simple'],
    ['None for string', [call(f, { base: 10, height: 5, unit: null })], 'type_error:simple'],
    ['unknown parameter', [call(f, { base: 10, height: 5, color: 'red' })], 'simple_function_checker:unexpected_param'],
    ['missing required', [call(f, { base: 10 })], 'simple_function_checker:missing_required'],
    ['wrong name', [call('calc_area', { base: 10, height: 5 })], 'simple_function_checker:wrong_func_name'],
    ['two calls', [call(f, { base: 10, height: 5 }), call(f, { base: 10, height: 5 })], 'simple_function_checker:wrong_count'],
    ['no call', [], 'simple_function_checker:wrong_count'],
  ])('%s', (_, decoded, expected) => {
    expect(verdictType(id, decoded)).toBe(expected);
  });
});

describe('simple_python_1 (math.factorial): underscore_to_dot', () => {
  it('an underscored name fails for a model that keeps dots', () => {
    expect(verdictType('simple_python_1', [call('math_factorial', { number: 5 })])).toBe('simple_function_checker:wrong_func_name');
    expect(verdictType('simple_python_1', [call('math.factorial', { number: 5 })])).toBe(null);
  });
  it('an underscored name passes, and only it, when underscore_to_dot is on', () => {
    expect(verdictType('simple_python_1', [call('math_factorial', { number: 5 })], true)).toBe(null);
    expect(verdictType('simple_python_1', [call('math.factorial', { number: 5 })], true)).toBe('simple_function_checker:wrong_func_name');
  });
});

describe('simple_python_13 (interval: array of float)', () => {
  const f = 'calculate_area_under_curve';
  it('accepts float items, and x^2 for x**2, and Trapezoidal', () => {
    expect(verdictType('simple_python_13', [call(f, { function: 'x^2', interval: [fl(1), fl(3)], method: 'Trapezoidal' })])).toBe(null);
  });
  it('int items in a float list are a nested type error (no leniency inside lists)', () => {
    expect(verdictType('simple_python_13', [call(f, { function: 'x**2', interval: [1, 3] })])).toBe('type_error:nested');
  });
});

describe('simple_python_83 (tuple of float)', () => {
  const f = 'calculate_distance';
  it('accepts a tuple and a list', () => {
    for (const coord1 of [tup(fl(33.4484), fl(-112.074)), [fl(33.4484), fl(-112.074)]]) {
      expect(verdictType('simple_python_83', [call(f, { coord1, coord2: [fl(34.0522), fl(-118.2437)], unit: 'miles' })])).toBe(null);
    }
  });
});

describe('simple_python_94 (dict update_info)', () => {
  const base = { user_id: 43523 };
  const f = 'update_user_info';
  it('normalises string values', () => {
    expect(verdictType('simple_python_94', [call(f, { ...base, update_info: dict({ name: 'john doe', email: 'johndoe@email.com' }) })])).toBe(null);
  });
  it('a missing key and an extra key are dict_key errors', () => {
    expect(verdictType('simple_python_94', [call(f, { ...base, update_info: dict({ name: 'John Doe' }) })])).toBe('value_error:dict_key');
    expect(verdictType('simple_python_94', [call(f, { ...base, update_info: dict({ name: 'John Doe', email: 'johndoe@email.com', age: 3 }) })])).toBe('value_error:dict_key');
  });
  it('a wrong value is a dict_value error, unless a key is also missing (BFCL quirk: the missing key wins)', () => {
    expect(verdictType('simple_python_94', [call(f, { ...base, update_info: dict({ name: 'Jane', email: 'johndoe@email.com' }) })])).toBe('value_error:dict_value');
    expect(verdictType('simple_python_94', [call(f, { ...base, update_info: dict({ name: 'Jane' }) })])).toBe('value_error:dict_key');
  });
});

describe('simple_python_96 (array of dicts)', () => {
  const f = 'database.query';
  const age = dict({ field: 'age', operation: '>', value: '25' });
  const job = dict({ field: 'job', operation: '=', value: 'engineer' });
  it('correct order is valid', () => {
    expect(verdictType('simple_python_96', [call(f, { table: 'user', conditions: [age, job] })])).toBe(null);
  });
  it('swapped order and an int for "25" are dict_value errors', () => {
    expect(verdictType('simple_python_96', [call(f, { table: 'user', conditions: [job, age] })])).toBe('value_error:dict_value');
    const age25 = dict({ field: 'age', operation: '>', value: 25 });
    expect(verdictType('simple_python_96', [call(f, { table: 'user', conditions: [age25, job] })])).toBe('value_error:dict_value');
  });
  it('a different number of dicts is a count error', () => {
    expect(verdictType('simple_python_96', [call(f, { table: 'user', conditions: [age] })])).toBe('value_error:list_dict_count');
  });
});

describe('simple_python_72 (list order matters)', () => {
  it('[0.7, 0.8] is not [0.8, 0.7]', () => {
    const f = 'calculate_fitness';
    expect(verdictType('simple_python_72', [call(f, { trait_values: [fl(0.8), fl(0.7)], trait_contributions: [fl(0.4), fl(0.6)] })])).toBe(null);
    expect(verdictType('simple_python_72', [call(f, { trait_values: [fl(0.7), fl(0.8)], trait_contributions: [fl(0.4), fl(0.6)] })])).toBe('value_error:list/tuple');
  });
});

describe('parallel_0 (two spotify.play calls, any order)', () => {
  const ts = call('spotify.play', { artist: 'taylor swift', duration: 20 });
  const m5 = call('spotify.play', { artist: 'Maroon 5', duration: 15 });
  it('either order is valid', () => {
    expect(verdictType('parallel_0', [ts, m5])).toBe(null);
    expect(verdictType('parallel_0', [m5, ts])).toBe(null);
  });
  it('one call is a wrong count; a wrong value finds no match', () => {
    expect(verdictType('parallel_0', [ts])).toBe('parallel_function_checker_no_order:wrong_count');
    expect(verdictType('parallel_0', [ts, call('spotify.play', { artist: 'Maroon 5', duration: 16 })])).toBe('parallel_function_checker_no_order:cannot_find_match');
  });
});

describe('parallel_multiple_21 (variable answers)', () => {
  const load = call('data_loading', { file_path: 'dataset.csv' });
  const fit = call('linear_regression_fit', { x: "data['sales']", y: "data['future_sales']", return_residuals: true });
  it('a string for an array parameter matches the variable answer exactly, in either call order', () => {
    expect(verdictType('parallel_multiple_21', [load, fit])).toBe(null);
    expect(verdictType('parallel_multiple_21', [fit, load])).toBe(null);
  });
  it('variables are compared exactly, not normalised', () => {
    const fit2 = call('linear_regression_fit', { x: 'data["sales"]', y: "data['future_sales']", return_residuals: true });
    expect(verdictType('parallel_multiple_21', [load, fit2])).toBe('parallel_function_checker_no_order:cannot_find_match');
  });
});

describe('simple_java_25 (long id, integer sort)', () => {
  const f = 'SmsHomeRecommendSubjectController.updateSort';
  it('42L and "5" are valid', () => {
    expect(verdictType('simple_java_25', [call(f, { id: '42L', sort: '5' })])).toBe(null);
  });
  it('a long without L stays a string: type_error:simple', () => {
    expect(verdictType('simple_java_25', [call(f, { id: '42', sort: '5' })])).toBe('type_error:simple');
  });
  it('non-string values: type_error:java', () => {
    expect(verdictType('simple_java_25', [call(f, { id: 42, sort: 5 })])).toBe('type_error:java');
  });
});

describe('simple_java_27 and simple_java_35 (Java arrays)', () => {
  it('new int[]{2, 7, 11, 15} is valid', () => {
    expect(verdictType('simple_java_27', [call('TwoSum.twoSum', { nums: 'new int[]{2, 7, 11, 15}', target: '9' })])).toBe(null);
  });
  const f = 'RedissonConnection.bitOp';
  it('a quoted String[] keeps its quotes and never matches (BFCL quirk); unquoted passes', () => {
    expect(verdictType('simple_java_35', [call(f, { op: 'BitOperation.AND', destination: 'user:online:both', keys: 'new String[]{"user:online:today", "user:online:yesterday"}' })])).toBe(
      'value_error:list/tuple',
    );
    expect(verdictType('simple_java_35', [call(f, { op: 'BitOperation.AND', destination: 'user:online:both', keys: 'new String[]{user:online:today, user:online:yesterday}' })])).toBe(null);
  });
  it('destination (a plain-string answer) passes only as a bare string', () => {
    const keys = 'new String[]{user:online:today, user:online:yesterday}';
    expect(verdictType('simple_java_35', [call(f, { op: 'BitOperation.AND', destination: 'new String[]{user:online:both}', keys })])).toBe('value_error:others');
  });
});

describe('simple_javascript_0 and simple_javascript_2', () => {
  it('isComplete "true" is valid, a JSON true is type_error:js', () => {
    expect(verdictType('simple_javascript_0', [call('validateUserInput', { inputField: 'userInputField', isComplete: 'true' })])).toBe(null);
    expect(verdictType('simple_javascript_0', [call('validateUserInput', { inputField: 'userInputField', isComplete: true })])).toBe('type_error:js');
  });
  it('status as a single- or double-quoted array literal is valid', () => {
    const base = { filepath: '/var/log/db.log', encoding: 'utf-8', processFunction: 'processFunction' };
    for (const status of ["['completed', 'failed']", '["completed","failed"]']) {
      expect(verdictType('simple_javascript_2', [call('extractLastTransactionId', { ...base, status })])).toBe(null);
    }
  });
});
