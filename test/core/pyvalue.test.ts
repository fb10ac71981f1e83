import { describe, expect, it } from 'vitest';
import { parsePyJson, dumpsPyJson } from '../../src/core/pyjson.js';
import { pyFloatRepr, pyRepr } from '../../src/core/pyrepr.js';
import { PyDict, PyFloat, PyTuple, pyEquals, pyTypeName } from '../../src/core/pyvalue.js';

describe('number-preserving JSON', () => {
  it('keeps 5 and 5.0 apart and compares them with Python ==', () => {
    const v = parsePyJson('{"a": 5, "b": 5.0, "c": true, "d": 1e3}') as PyDict;
    expect(pyTypeName(v.get('a')!)).toBe('int');
    expect(pyTypeName(v.get('b')!)).toBe('float');
    expect(pyTypeName(v.get('c')!)).toBe('bool');
    expect(pyTypeName(v.get('d')!)).toBe('float');
    expect(pyEquals(v.get('a')!, v.get('b')!)).toBe(true);
    expect(pyEquals(true, 1)).toBe(true);
    expect(pyEquals([1, 2], new PyTuple([1, 2]))).toBe(false);
  });
  it('keeps big integers exact', () => {
    expect(parsePyJson('12345678901234567890')).toBe(12345678901234567890n);
  });
  it('reports where a document is broken', () => {
    expect(() => parsePyJson('{"a": [1, 2}')).toThrow(/line 1 column 12/);
  });
  it('dict equality ignores key order', () => {
    expect(pyEquals(parsePyJson('{"a":1,"b":[1.0]}'), parsePyJson('{"b":[1],"a":1.0}'))).toBe(true);
    expect(pyEquals(parsePyJson('{"a":1}'), parsePyJson('{"a":1,"b":2}'))).toBe(false);
  });
});

describe('Python renderings', () => {
  it('renders floats like repr()', () => {
    expect([1.0, 0.1, 1e-5, 0.0001, 1e16, 123456789012345.6, -2.5, 1e22].map(pyFloatRepr)).toEqual([
      '1.0', '0.1', '1e-05', '0.0001', '1e+16', '123456789012345.6', '-2.5', '1e+22',
    ]);
  });
  it('renders values like repr()', () => {
    expect(pyRepr(parsePyJson('{"a": [1, 2.0, "it\'s", null, false]}'))).toBe(`{'a': [1, 2.0, "it's", None, False]}`);
  });
  it('dumps like json.dumps', () => {
    const v = parsePyJson('{"name": "caf\u00e9", "x": [1.0, 2], "e": {}}');
    expect(dumpsPyJson(v)).toBe('{"name": "caf\\u00e9", "x": [1.0, 2], "e": {}}');
    expect(dumpsPyJson(v, { indent: 2 })).toBe('{\n  "name": "caf\\u00e9",\n  "x": [\n    1.0,\n    2\n  ],\n  "e": {}\n}');
    expect(dumpsPyJson(new PyFloat(NaN))).toBe('NaN');
  });
});
