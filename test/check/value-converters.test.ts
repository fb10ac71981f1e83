/** §5.10 and §5.11: the Java and JavaScript value converters, and the Python text rules under them. */
import { describe, expect, it } from 'vitest';
import { CheckerCrash } from '../../src/check/checker-crash.js';
import { convertJavaValue, parseJavaValue } from '../../src/check/java-values.js';
import { convertJsValue } from '../../src/check/js-values.js';
import { pyFloatFromText, pyIntFromText, pyStrip } from '../../src/check/py-text.js';
import { pyRepr } from '../../src/core/pyrepr.js';
import type { PyValue } from '../../src/core/pyvalue.js';

const r = (v: PyValue) => pyRepr(v);

describe('Java', () => {
  it.each([
    ['42', 'integer', '42'],
    ['-7', 'short', '-7'],
    ['4.0', 'integer', "'4.0'"],
    ['42L', 'long', '42'],
    ['42', 'long', "'42'"],
    ['9223372036854775807L', 'long', '9223372036854775807'],
    ['3.5f', 'float', '3.5'],
    ['3e-3F', 'float', '0.003'],
    ['3.5', 'float', "'3.5'"],
    ['3.5', 'double', '3.5'],
    ['3.5d', 'double', "'3.5d'"],
    ['true', 'boolean', 'True'],
    ['True', 'boolean', "'True'"],
    ["'a'", 'char', `"'a'"`],
    ['hello', 'String', "'hello'"],
    ['new Foo()', 'any', "'new Foo()'"],
  ])('%s as %s → %s', (text, type, expected) => {
    expect(r(convertJavaValue(text, type))).toBe(expected);
  });

  it('a trailing newline passes Python $ (42\\n → 42)', () => {
    expect(convertJavaValue('42\n', 'integer')).toBe(42);
  });

  it('Array: naive comma split; String elements keep their quotes', () => {
    expect(r(convertJavaValue('new int[] { 1, 2,3 }', 'Array', 'integer'))).toBe('[1, 2, 3]');
    expect(r(convertJavaValue('new String[]{"a", "b"}', 'Array', 'String'))).toBe(`['"a"', '"b"']`);
    expect(r(convertJavaValue('new long[]{1L, 2, 3L}', 'Array', 'long'))).toBe("[1, '2', 3]");
    expect(r(convertJavaValue('new Object[]{1, "abc", true}', 'Array', ''))).toBe("[1, 'abc', True]");
    expect(r(convertJavaValue('[1, 2]', 'Array', 'integer'))).toBe("'[1, 2]'");
  });

  it('ArrayList: asList, double-brace add, empty; String/char elements lose first and last character', () => {
    expect(r(convertJavaValue('new ArrayList<>(Arrays.asList("a", "b"))', 'ArrayList', 'String'))).toBe("['a', 'b']");
    expect(r(convertJavaValue('new ArrayList<Integer>(Arrays.asList(1, 2))', 'ArrayList', 'integer'))).toBe('[1, 2]');
    expect(r(convertJavaValue('new ArrayList<Float>() {{ add(1.0f); add(2.5f); }}', 'ArrayList', 'float'))).toBe('[1.0, 2.5]');
    expect(r(convertJavaValue('new ArrayList<>()', 'ArrayList', 'long'))).toBe('[]');
    expect(r(convertJavaValue('new ArrayList<Object>(Arrays.asList(1, "x"))', 'ArrayList', 'any'))).toBe("['1', '\"x\"']");
  });

  it('HashMap: put() pairs with double-quoted keys; other forms become {} or stay text', () => {
    expect(r(convertJavaValue('new HashMap<String, Object>() {{ put("k1", 1); put("k2", "v"); put("k3", true); }}', 'HashMap'))).toBe("{'k1': 1, 'k2': 'v', 'k3': True}");
    expect(r(convertJavaValue('new HashMap<>()', 'HashMap'))).toBe('{}');
    expect(r(convertJavaValue('new HashMap<String, String>() { { put("key", "value"); } }', 'HashMap'))).toBe("{'key': 'value'}");
    expect(r(convertJavaValue('myMap', 'HashMap'))).toBe("'myMap'");
  });

  it('generic values', () => {
    expect(r(parseJavaValue('12L'))).toBe('12');
    expect(r(parseJavaValue('1.5f'))).toBe('1.5');
    expect(r(parseJavaValue('1_000'))).toBe('1000');
    expect(r(parseJavaValue('2.5'))).toBe('2.5');
    expect(r(parseJavaValue('x.y'))).toBe("'x.y'");
  });

  it('types BFCL lists but cannot convert, and unknown types, raise CheckerCrash', () => {
    for (const t of ['Set', 'Hashtable', 'Queue', 'Stack', 'Thing']) expect(() => convertJavaValue('x', t)).toThrow(CheckerCrash);
  });
});

describe('JavaScript', () => {
  it.each([
    ['"abc"', 'String', "'abc'"],
    ["'abc'", 'String', "'abc'"],
    ['abc', 'String', "'abc'"],
    ['5', 'integer', '5'],
    ['5', 'float', '5.0'],
    ['5.25', 'float', '5.25'],
    ['1e3', 'float', "'1e3'"],
    ['12n', 'Bigint', '12'],
    ['true', 'Boolean', 'True'],
    ['() => 1', 'any', "'() => 1'"],
  ])('%s as %s → %s', (text, type, expected) => {
    expect(r(convertJsValue(text, type))).toBe(expected);
  });

  it('arrays: 1-D with element type, new Array, 2-D parsed generically', () => {
    expect(r(convertJsValue("['completed', 'failed']", 'array', 'String'))).toBe("['completed', 'failed']");
    expect(r(convertJsValue('[1, 2, 3]', 'array', 'float'))).toBe('[1.0, 2.0, 3.0]');
    expect(r(convertJsValue('new Array(4, 5)', 'array', 'integer'))).toBe('[4, 5]');
    expect(r(convertJsValue('[]', 'array', 'String'))).toBe('[]');
    expect(r(convertJsValue(' [ [ 1, 2 ], [ 3,   4]]', 'array', 'float'))).toBe('[[1, 2], [3, 4]]');
    expect(r(convertJsValue('myList', 'array', 'String'))).toBe("'myList'");
  });

  it('objects: key: value pairs, nested arrays and (first-brace) objects', () => {
    expect(r(convertJsValue('{}', 'dict'))).toBe('{}');
    expect(r(convertJsValue("{'key1': 123, 'key2': 'value', 'key3': false}", 'dict'))).toBe("{'key1': 123, 'key2': 'value', 'key3': False}");
    expect(r(convertJsValue('{"initialState": initialStateObject, "middlewares": ["loggerMiddleware"]}', 'dict'))).toBe(
      "{'initialState': 'initialStateObject', 'middlewares': ['loggerMiddleware']}",
    );
    expect(r(convertJsValue('config', 'dict'))).toBe("'config'");
  });
});

describe('Python text rules', () => {
  it('int() and float() of text', () => {
    expect(pyIntFromText(' 42\n')).toBe(42);
    expect(pyIntFromText('-0')).toBe(0);
    expect(pyIntFromText('1_000')).toBe(1000);
    expect(pyIntFromText('1__0')).toBe(undefined);
    expect(pyIntFromText('٣')).toBe(3);
    expect(pyIntFromText('12345678901234567890')).toBe(12345678901234567890n);
    expect(pyIntFromText('1.0')).toBe(undefined);
    expect(pyFloatFromText('.5')).toBe(0.5);
    expect(pyFloatFromText('5.')).toBe(5);
    expect(pyFloatFromText('-inf')).toBe(-Infinity);
    expect(pyFloatFromText('1e5')).toBe(100000);
    expect(pyFloatFromText('0x10')).toBe(undefined);
  });
  it('strip() uses Python whitespace (\\x1c-\\x1f yes, BOM no)', () => {
    expect(pyStrip('\x1c a \x85')).toBe('a');
    expect(pyStrip('\ufeffa')).toBe('\ufeffa');
  });
});
