/** The individual rules of bfcl-spec.md §5 and §6, on real dataset entries. */
import { describe, expect, it } from 'vitest';
import { checkAst } from '../../src/check/ast.js';
import { isFunctionCallFormat, toCalls } from '../../src/check/call-format.js';
import { checkRelevance } from '../../src/check/relevance.js';
import { standardizeString } from '../../src/check/strings.js';
import { PyDict } from '../../src/core/pyvalue.js';
import { casesOf, answersOf } from '../fixtures/conformance.js';
import { call, fl, verdictType } from './build.js';

describe('int for float: top level only (Python)', () => {
  const f = 'calculate_derivative';
  it('an int is accepted for a declared float at top level', () => {
    expect(verdictType('simple_python_14', [call(f, { function: '3x**2 + 2x - 1', x_value: 0 })])).toBe(null);
    expect(verdictType('simple_python_14', [call(f, { function: '3x**2 + 2x - 1', x_value: fl(0) })])).toBe(null);
  });
  it('but not a bool, nor a float for a declared integer', () => {
    expect(verdictType('simple_python_14', [call(f, { function: '3x**2 + 2x - 1', x_value: false })])).toBe('type_error:simple');
    expect(verdictType('simple_python_3', [call('algebra.quadratic_roots', { a: fl(1), b: -3, c: 2 })])).toBe('type_error:simple');
  });
  it('inside a float list an int is a nested type error (simple_python_13)', () => {
    expect(verdictType('simple_python_13', [call('calculate_area_under_curve', { function: 'x**2', interval: [fl(1), 3] })])).toBe('type_error:nested');
  });
});

describe('string normalisation (simple_python_14: "3x**2 + 2x - 1")', () => {
  const f = 'calculate_derivative';
  const type = (fn: string) => verdictType('simple_python_14', [call(f, { function: fn })]);
  it('forgives case, spaces and , . / - _ * ^', () => {
    expect(type('3X^2+2x-1')).toBe(null);
    expect(type('3x**2 + 2x - 1')).toBe(null);
    expect(type('3x_2+2x.1')).toBe(null);
    expect(type('3x,2 + 2x - 1')).toBe(null);
  });
  it('does not forgive tabs, newlines, ! ? : or parentheses', () => {
    for (const s of ['3x**2 +\t2x - 1', '3x**2 + 2x - 1\n', '3x**2 + 2x - 1!', '3x**2 + 2x - 1?', '(3x**2 + 2x - 1)', '3x**2: 2x - 1']) {
      expect(type(s)).toBe('value_error:string');
    }
  });
  it('standardizeString', () => {
    expect(standardizeString("April 1, 2024")).toBe('april12024');
    expect(standardizeString("It's New-York/NY")).toBe('it"snewyorkny');
    expect(standardizeString('a\tb\nc!')).toBe('a\tb\nc!');
  });
});

describe('optional parameters and the "" marker', () => {
  it('"" passes for an optional parameter, also any string that normalises to ""', () => {
    for (const unit of ['', '-', ' . ']) {
      expect(verdictType('simple_python_0', [call('calculate_triangle_area', { base: 10, height: 5, unit })])).toBe(null);
    }
  });
  it('a ground-truth parameter without "" that the schema does not require: missing_optional', () => {
    expect(verdictType('simple_python_5', [call('solve_quadratic', { a: 3, b: -11, c: -4 })])).toBe('simple_function_checker:missing_optional');
    expect(verdictType('simple_python_5', [call('solve_quadratic', { a: 3, b: -11, c: -4, root_type: 'all' })])).toBe(null);
  });
  it('the schema required list is checked first (live_multiple_507-149-4 style): missing_required beats an optional answer', () => {
    // simple_python_0 requires base and height; leaving height out fails even before values are looked at.
    expect(verdictType('simple_python_0', [call('calculate_triangle_area', { height: fl(5) })])).toBe('simple_function_checker:missing_required');
  });
});

describe('unexpected parameters', () => {
  it('a schema parameter the ground truth does not list is rejected (live_multiple_198-90-0)', () => {
    expect(verdictType('live_multiple_198-90-0', [call('adriel_contact', {})])).toBe(null);
    expect(verdictType('live_multiple_198-90-0', [call('adriel_contact', { contact_id: 1 })])).toBe('simple_function_checker:unexpected_param');
  });
  it('the first unexpected parameter in model order stops the check before later type errors', () => {
    expect(verdictType('simple_python_0', [call('calculate_triangle_area', { base: 10, height: 5, color: 'red', unit: 5 })])).toBe('simple_function_checker:unexpected_param');
    expect(verdictType('simple_python_0', [call('calculate_triangle_area', { base: 10, height: 5, unit: 5, color: 'red' })])).toBe('type_error:simple');
  });
});

describe('multiple: one call, checked against the expected function', () => {
  it('calling another available function is wrong_func_name; two calls wrong_count', () => {
    const a = answersOf('multiple').get('multiple_0')!.calls[0]!;
    const other = casesOf('multiple').get('multiple_0')!.functions.find((f) => f.name !== a.name)!;
    expect(verdictType('multiple_0', [call(other.name, {})])).toBe('simple_function_checker:wrong_func_name');
    const good = call(a.name, { side1: 5, side2: 4, side3: 3 });
    expect(verdictType('multiple_0', [good])).toBe(null);
    expect(verdictType('multiple_0', [good, good])).toBe('multiple_function_checker:wrong_count');
  });
});

describe('parallel: greedy first fit (parallel_180)', () => {
  const sp = (company: string, data_type?: string) => call('stock_price', data_type === undefined ? { company, days: 30 } : { company, days: 30, data_type });
  const apple = ['Open', 'Close', 'High', 'Low'].map((t) => sp('Apple', t));
  it('a call without data_type fits every Microsoft answer; placed first it is taken by "Open", and then "Close" finds nothing', () => {
    // A perfect matching exists (the bare call for Close), but BFCL matches greedily in answer order.
    const bareFirst = [sp('Microsoft'), sp('Microsoft', 'Open'), sp('Microsoft', 'High'), sp('Microsoft', 'Low'), ...apple];
    expect(verdictType('parallel_180', bareFirst)).toBe('parallel_function_checker_no_order:cannot_find_match');
  });
  it('the same calls in another order pass', () => {
    const openFirst = [sp('Microsoft', 'Open'), sp('Microsoft'), sp('Microsoft', 'High'), sp('Microsoft', 'Low'), ...apple];
    expect(verdictType('parallel_180', openFirst)).toBe(null);
  });
});

describe('function-calling format (§5.0)', () => {
  it('a list of single-key dicts whose value is a dict', () => {
    expect(isFunctionCallFormat([])).toBe(true);
    expect(isFunctionCallFormat([call('f', { a: 1 })])).toBe(true);
    expect(isFunctionCallFormat([new PyDict()])).toBe(false);
    expect(isFunctionCallFormat([new PyDict([['f', 1]])])).toBe(false);
    expect(isFunctionCallFormat([new PyDict([['f', new PyDict()], ['g', new PyDict()]])])).toBe(false);
    expect(isFunctionCallFormat(null)).toBe(false);
    expect(isFunctionCallFormat('f(a=1)')).toBe(false);
    expect(toCalls([call('f', { a: 1 })])!.map((c) => [c.name, c.args.get('a')])).toEqual([['f', 1]]);
    expect(toCalls(new PyDict())).toBe(null);
  });
  it('checkAst rejects other shapes with decoder_wrong_output_format (Java decodes [] to {})', () => {
    const c = casesOf('simple_java').get('simple_java_25')!;
    const a = answersOf('simple_java').get('simple_java_25')!;
    const v = checkAst({ category: 'simple_java', language: 'java', functions: c.functions, decoded: new PyDict(), expected: a.calls, underscoreToDot: false });
    expect(v.errorType).toBe('ast_decoder:decoder_wrong_output_format');
  });
});

describe('relevance and irrelevance (§6)', () => {
  const cases: Array<[string, Parameters<typeof checkRelevance>[1]]> = [
    ['decoder raised', undefined],
    ['empty list', []],
    ['[{}]', [new PyDict()]],
    ['not call format', 'text'],
    ['call without arguments', [call('f')]],
    ['call with arguments', [call('get_weather', { city: 'x' })]],
  ];
  it.each(cases)('%s', (label, decoded) => {
    const hasCall = label.startsWith('call');
    const irr = checkRelevance('irrelevance', decoded);
    const liveIrr = checkRelevance('live_irrelevance', decoded);
    const rel = checkRelevance('live_relevance', decoded);
    expect([irr.valid, liveIrr.valid, rel.valid]).toEqual([!hasCall, !hasCall, hasCall]);
    if (hasCall) expect(irr.errorType).toBe('irrelevance_error:decoder_success');
    else expect(rel.errorType).toBe('relevance_error:decoder_failed');
  });
});

describe('declared types BFCL cannot handle do not crash the run', () => {
  it('an unknown declared type gives an invalid verdict of our own', () => {
    const c = casesOf('simple_python').get('simple_python_0')!;
    const a = answersOf('simple_python').get('simple_python_0')!;
    const doc = c.functions[0]!;
    const base = doc.parameters.properties!.get('base')!;
    const odd = { ...doc, parameters: { ...doc.parameters, properties: new Map([...doc.parameters.properties!, ['base', { ...base, raw: base.raw.copy().set('type', 'number') }]]) } };
    const v = checkAst({ category: 'simple_python', language: 'python', functions: [odd], decoded: [call(doc.name, { base: 10, height: 5 })], expected: a.calls, underscoreToDot: false });
    expect(v.valid).toBe(false);
    expect(v.errorType).toBe('type_error:unknown_declared_type');
  });
});
