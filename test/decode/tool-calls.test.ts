import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/format.js';
import { parsePyJson } from '../../src/core/pyjson.js';
import { PyDict, PyFloat, pyEquals } from '../../src/core/pyvalue.js';
import { decodeToolCalls, toolCallsToExecute } from '../../src/decode/tool-calls.js';
import { isEmptyV1, v1Run } from '../formats/v1-results.js';

const GPT4O = 'gpt-4o-2024-08-06-FC';

function tryDecode(r: Parameters<typeof decodeToolCalls>[0]) {
  try {
    return decodeToolCalls(r);
  } catch (e) {
    if (e instanceof DecodeError) return undefined;
    throw e;
  }
}

describe('FC decode_ast on the 2024-08-11 gpt-4o-2024-08-06-FC results', () => {
  it('fails to decode exactly the entries BFCL scored ast_decoder:decoder_failed', () => {
    let n = 0;
    for (const category of ['simple', 'java', 'javascript', 'multiple_function', 'parallel_function', 'parallel_multiple_function']) {
      const run = v1Run('2024-08-11', GPT4O, category);
      const failed = run.results.flatMap((r, i) => (tryDecode(r) === undefined ? [i + 1] : []));
      const expected = [...run.failures].filter(([, d]) => d.get('error_type') === 'ast_decoder:decoder_failed').map(([id]) => id);
      expect(failed, category).toEqual(expected.sort((a, b) => a - b));
      n += failed.length;
    }
    expect(n).toBe(9 + 13 + 12 + 4);
  });

  it('finds a call in exactly the relevance entries BFCL failed', () => {
    const run = v1Run('2024-08-11', GPT4O, 'relevance');
    const withCall = run.results.flatMap((r, i) => {
      const d = tryDecode(r);
      return d !== undefined && !isEmptyV1(d) ? [i + 1] : [];
    });
    expect(withCall).toEqual([...run.failures.keys()].sort((a, b) => a - b));
  });

  it('parses argument JSON keeping int, float and key order', () => {
    const run = v1Run('2024-08-11', GPT4O, 'simple');
    expect(pyEquals(decodeToolCalls(run.results[0]!), parsePyJson('[{"calculate_triangle_area": {"base": 10, "height": 5}}]'))).toBe(true);
    const d = decodeToolCalls([new PyDict([['f', '{"b": 2.0, "a": 1}']])]);
    const args = (d[0] as PyDict).get('f') as PyDict;
    expect(args.keys()).toEqual(['b', 'a']);
    expect(args.get('b')).toBeInstanceOf(PyFloat);
    expect(args.get('a')).toBe(1);
  });

  it('treats text as no call, except that empty text decodes to [] (BFCL quirk)', () => {
    expect(() => decodeToolCalls('I cannot help with that.')).toThrow(DecodeError);
    expect(() => decodeToolCalls(null)).toThrow(DecodeError);
    expect(decodeToolCalls('')).toEqual([]);
    expect(decodeToolCalls([])).toEqual([]);
    expect(() => decodeToolCalls([new PyDict([['f', '{"a": ']])])).toThrow(DecodeError);
  });
});

describe('FC decode_execute', () => {
  it('renders real exec answers as name(k=repr(v),…) with no space between arguments', () => {
    const run = v1Run('2024-08-11', GPT4O, 'executable_simple');
    const answers = run.results.filter((r) => Array.isArray(r));
    const calls = answers.flatMap((r) => toolCallsToExecute(r));
    expect(answers.length).toBe(run.results.length - 2); // two answered in prose
    expect(calls.length).toBeGreaterThanOrEqual(answers.length);
    for (const c of calls) expect(c).toMatch(/^[\w.]+\(.*\)$/s);
    expect(toolCallsToExecute([new PyDict([['f', '{"a": 1.0, "b": "x", "c": [true, null], "d": {"k": 1}}']])])).toEqual([
      "f(a=1.0,b='x',c=[True, None],d={'k': 1})",
    ]);
  });

  it('raises on a text answer', () => {
    expect(() => toolCallsToExecute('Sure, here it is')).toThrow(DecodeError);
  });
});
