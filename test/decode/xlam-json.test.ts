import { describe, expect, it } from 'vitest';
import { DecodeError, WrongOutputFormat } from '../../src/core/format.js';
import { parsePyJson } from '../../src/core/pyjson.js';
import { PyDict, PyFloat, pyEquals, type PyValue } from '../../src/core/pyvalue.js';
import { decodeXlamAst, decodeXlamExecute } from '../../src/decode/xlam-json.js';
import { xlam } from '../../src/formats/xlam.js';
import { isEmptyV1, v1Run } from '../formats/v1-results.js';

const XLAM_7B = 'Salesforce_xLAM-7b-fc-r';

describe('xLAM JSON decode_ast on the 2024-07-25 xLAM results', () => {
  for (const model of ['Salesforce_xLAM-7b-fc-r', 'Salesforce_xLAM-1b-fc-r']) {
    it(`${model}: finds a call in exactly the relevance entries BFCL failed, with the same decoded value`, () => {
      const run = v1Run('2024-07-25', model, 'relevance');
      const withCall: number[] = [];
      run.results.forEach((r, i) => {
        let decoded;
        try {
          decoded = decodeXlamAst(r);
        } catch (e) {
          if (!(e instanceof DecodeError)) throw e;
          return;
        }
        if (!isEmptyV1(decoded)) withCall.push(i + 1);
        const failure = run.failures.get(i + 1);
        if (failure) expect(pyEquals(decoded, failure.get('decoded_result')!)).toBe(true);
      });
      expect(withCall).toEqual([...run.failures.keys()].sort((a, b) => a - b));
      expect(withCall.length).toBeGreaterThan(30);
    });
  }

  it('returns text that is not JSON as it is (BFCL quirk), which BFCL scored as wrong output format', () => {
    const notJson = (r: PyValue): boolean => {
      try {
        parsePyJson(r as string);
        return false;
      } catch {
        return true;
      }
    };
    const rel = v1Run('2024-07-25', 'Salesforce_xLAM-1b-fc-r', 'relevance');
    const relText = rel.results.filter(notJson);
    expect(relText).toHaveLength(1);
    expect(decodeXlamAst(relText[0]!)).toBe(relText[0]); // a string: "empty", so relevance passes
    const java = v1Run('2024-07-25', 'Salesforce_xLAM-1b-fc-r', 'java');
    const idx = java.results.findIndex(notJson);
    expect(decodeXlamAst(java.results[idx]!)).toBe(java.results[idx]);
    expect(java.failures.get(idx + 1)?.get('error_type')).toBe('ast_decoder:decoder_wrong_output_format');
  });

  it('decodes every AST-category answer to a list of {name: arguments}', () => {
    for (const category of ['simple', 'multiple_function', 'parallel_function', 'parallel_multiple_function', 'java', 'javascript']) {
      const run = v1Run('2024-07-25', XLAM_7B, category);
      for (const r of run.results) expect(Array.isArray(decodeXlamAst(r))).toBe(true);
    }
    const first = decodeXlamAst(v1Run('2024-07-25', XLAM_7B, 'simple').results[0]!);
    expect(pyEquals(first, parsePyJson('[{"calculate_triangle_area": {"base": 10, "height": 5, "unit": "units"}}]'))).toBe(true);
  });

  it('keeps floats apart from ints and takes a bare list as the call list', () => {
    const d = decodeXlamAst('[{"name": "f", "arguments": {"x": 1.0, "y": 1}}, 7, {"arguments": {}}]') as PyDict[];
    expect(d).toHaveLength(2);
    const args = d[0]!.get('f') as PyDict;
    expect(args.get('x')).toBeInstanceOf(PyFloat);
    expect(args.get('y')).toBe(1);
    expect(d[1]!.get('')).toBeInstanceOf(PyDict);
    expect(decodeXlamAst('{"tool_calls": []}')).toEqual([]);
    expect(decodeXlamAst('{"thought": "no"}')).toEqual([]);
  });

  it('raises where the 2024 handler raised', () => {
    expect(() => decodeXlamAst('42')).toThrow(DecodeError); // int has no .get
    expect(() => decodeXlamAst('{"tool_calls": null}')).toThrow(DecodeError); // None is not iterable
    expect(() => decodeXlamAst('[{"name": ["a"], "arguments": {}}]')).toThrow(DecodeError); // unhashable key
    expect(() => decodeXlamAst(['x'])).toThrow(DecodeError);
  });
});

describe('xLAM JSON decode_execute', () => {
  it('gives wrong-output-format answers for exactly the exec entries BFCL flagged', () => {
    const flagged: number[] = [];
    const expected: number[] = [];
    for (const category of ['executable_simple', 'executable_multiple_function', 'executable_parallel_function', 'executable_parallel_multiple_function']) {
      const run = v1Run('2024-07-25', XLAM_7B, category);
      run.results.forEach((r, i) => {
        const out = decodeXlamExecute(r);
        // v1's executable format check: a non-empty list of strings.
        if (typeof out === 'string' || out.length === 0) flagged.push(i + 1);
        if (run.failures.get(i + 1)?.get('error_type') === 'executable_decoder:wrong_output_format') expected.push(i + 1);
      });
    }
    expect(flagged).toEqual(expected);
    expect(flagged.length).toBeGreaterThan(0);
  });

  it('renders calls as name(k=repr(v), …) and passes raw text through as BFCL did', () => {
    const run = v1Run('2024-07-25', XLAM_7B, 'executable_multiple_function');
    expect(decodeXlamExecute(run.results[0]!)).toBe(run.results[0]); // "p": 1.0 / 6.0 is not JSON
    expect(decodeXlamExecute(run.results[25]!)).toEqual(["get_rating_by_amazon_ASIN(ASIN='B07ZPKBL9V')"]);
    expect(decodeXlamExecute('{"tool_calls": [{"name": "f", "arguments": {"a": 1.0, "b": [true, null], "c": "it\'s"}}]}')).toEqual([
      `f(a=1.0, b=[True, None], c="it's")`,
    ]);
    expect(() => xlam.decodeExecute!(run.results[0]!)).toThrow(WrongOutputFormat);
  });
});
