import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/format.js';
import { parsePyJson } from '../../src/core/pyjson.js';
import { pyRepr } from '../../src/core/pyrepr.js';
import { PyDict, PyFloat, PyTuple, type PyValue } from '../../src/core/pyvalue.js';
import { decodePythonCalls, parsePythonCallString } from '../../src/decode/python-calls.js';
import { callsToExecuteStrings, decodePythonExecute } from '../../src/decode/python-execute.js';
import { loadConformance } from '../fixtures/conformance.js';
import { BFCL_DATA } from '../fixtures/paths.js';

const byCase = new Map(loadConformance().map((r) => [r.caseId, r]));
const raw = (caseId: string): string => byCase.get(caseId)!.rawOutput;
const args = (decoded: PyValue, i = 0): PyDict => ((decoded as PyDict[])[i]!.values()[0] as PyDict);

describe('BFCL decoder quirks on real corpus records', () => {
  it('drops positional arguments (simple_python_22: math.gcd(12, 15) → no arguments)', () => {
    expect(pyRepr(decodePythonCalls(raw('simple_python_22#06')))).toBe("[{'math.gcd': {}}]");
  });

  it('turns a unary plus into a negation (simple_python_22: num1=+12 → -12)', () => {
    expect(args(decodePythonCalls(raw('simple_python_22#04'))).get('num1')).toBe(-12);
  });

  it('fails on a double negation (simple_python_4: b=-(-6))', () => {
    expect(() => decodePythonCalls(raw('simple_python_4#03'))).toThrow(DecodeError);
  });

  it('keeps bare names and lowercase booleans as strings (simple_python_60, simple_python_69)', () => {
    expect(args(decodePythonCalls(raw('simple_python_60#07'))).get('snp_id')).toBe('rs6034464');
    expect(args(decodePythonCalls(raw('simple_python_69#07'))).get('species')).toBe('true');
  });

  it('evaluates arithmetic (simple_python_4: c=4 + 1 → 5)', () => {
    expect(args(decodePythonCalls(raw('simple_python_4#06'))).get('c')).toBe(5);
  });

  it('accepts a fence without a language tag and fails a python-tagged fence', () => {
    expect(pyRepr(decodePythonCalls(raw('simple_python_2#02')))).toBe("[{'math.hypot': {'x': 4, 'y': 5, 'z': 0}}]");
    expect(() => decodePythonCalls(raw('simple_python_26#05'))).toThrow(DecodeError);
  });

  it('fails when the whole output is wrapped in single quotes', () => {
    const quoted = [...byCase.values()].filter((r) => r.language === 'python' && r.variant === 'wrapped_in_quotes');
    expect(quoted.length).toBeGreaterThan(0);
    for (const r of quoted) expect(() => decodePythonCalls(r.rawOutput), r.caseId).toThrow(DecodeError);
  });
});

describe('values built from real dataset entries', () => {
  it('a subscript becomes its source text (parallel_multiple_21 ground truth "data[\'sales\']")', () => {
    const line = readFileSync(join(BFCL_DATA, 'possible_answer', 'BFCL_v4_parallel_multiple.json'), 'utf8')
      .split('\n')
      .find((l) => l.includes('"parallel_multiple_21"'))!;
    const gt = (parsePyJson(line) as PyDict).get('ground_truth') as PyDict[];
    const expected = ((gt[1]!.get('linear_regression_fit') as PyDict).get('x') as PyValue[])[0];
    const out = decodePythonCalls('[data_loading(file_path="dataset.csv"), linear_regression_fit(x=data["sales"], y=data[\'future_sales\'], return_residuals=True)]');
    expect(args(out, 1).get('x')).toBe(expected);
    expect(args(out, 1).get('y')).toBe("data['future_sales']");
    // BFCL quirk: the slice is unparsed on its own, so a tuple index keeps its parentheses.
    expect(args(decodePythonCalls('[f(x=a[1, 2], y=a[1:2])]')).get('x')).toBe('a[(1, 2)]');
    expect(args(decodePythonCalls('[f(x=a[1, 2], y=a[1:2])]')).get('y')).toBe('a[1:2]');
  });

  it('nested calls: with keywords → nested dict, without → normalised source text', () => {
    const out = decodePythonCalls('[math.hypot(x=abs(a=-4), y=math.sqrt( 25 ), z=g("a",\'b\',k ))]');
    expect(pyRepr(out)).toBe("[{'math.hypot': {'x': {'abs': {'a': -4}}, 'y': 'math.sqrt(25)', 'z': \"g('a', 'b', k)\"}}]");
  });

  it('**kwargs goes under the key None; keeps int / float / bool / tuple apart; dotted names', () => {
    const out = decodePythonCalls("[math.hypot(x=4.0, y=5, z=False, w=(1, 2), **{'a': 1})]");
    const a = args(out);
    expect(a.get('x')).toEqual(new PyFloat(4));
    expect(a.get('y')).toBe(5);
    expect(a.get('z')).toBe(false);
    expect(a.get('w')).toEqual(new PyTuple([1, 2]));
    expect(pyRepr(a.get(null)!)).toBe("{'a': 1}");
    expect((out as PyDict[])[0]!.keys()).toEqual(['math.hypot']);
  });

  it('refuses attributes, sets, f-strings, lambdas, comprehensions as values', () => {
    for (const v of ['math.pi', '{1, 2}', 'f"x"', 'lambda: 1', '[i for i in y]', 'a if b else c']) {
      expect(() => decodePythonCalls(`[f(x=${v})]`), v).toThrow(DecodeError);
    }
  });

  it('bytes: BFCL keeps a bytes object (the call still decodes); we keep its repr text', () => {
    expect(args(decodePythonCalls("[f(x=b'ab')]")).get('x')).toBe("b'ab'");
  });

  it('implements Python arithmetic (ints, floats, bools, strings, lists, big ints)', () => {
    const a = args(decodePythonCalls("[f(a=2**10, b=7//-2, c=-7%3, d=7.5%-2, e=1/4, f='ab'*2, g=[1]+[2], h=True+True, i=2**64, j=True&False, k=2**-1)]"));
    expect(pyRepr(a)).toBe("{'a': 1024, 'b': -4, 'c': 2, 'd': -0.5, 'e': 0.25, 'f': 'abab', 'g': [1, 2], 'h': 2, 'i': 18446744073709551616, 'j': False, 'k': 0.5}");
    expect(() => decodePythonCalls('[f(x=1/0)]')).toThrow(/ZeroDivisionError/);
    expect(() => decodePythonCalls('[f(x=a+1)]')).toThrow(/NameError/);
  });
});

describe('decode_execute', () => {
  it('renders decoded calls back as call strings (nested calls, dicts, reprs)', () => {
    expect(decodePythonExecute("[cd(folder='document'), mv(source=\"a.pdf\", destination=temp)]")).toEqual([
      "cd(folder='document')",
      "mv(source='a.pdf', destination='temp')",
    ]);
    expect(decodePythonExecute("[f(x=g(a=1), y={'k': [1, 2.0]}, z=None)]")).toEqual(["f(x=g(a=1), y={'k': [1, 2.0]}, z=None)"]);
    // BFCL quirk: an empty dict counts as a nested call and fails.
    expect(() => decodePythonExecute('[f(x={})]')).toThrow(DecodeError);
  });

  it('FC style: "," separator and plain repr values', () => {
    const calls = [PyDict.fromObject({ f: PyDict.fromObject({ a: 1, b: PyDict.fromObject({ c: PyDict.fromObject({}) }) }) })];
    expect(callsToExecuteStrings(calls, ',')).toEqual(["f(a=1,b={'c': {}})"]);
  });
});

describe('parsePythonCallString on the executable ground truths', () => {
  const dir = join(BFCL_DATA, 'unused_datasets', 'possible_answer');
  const strings = (file: string): Array<[string, string]> =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .flatMap((l) => {
        const d = parsePyJson(l) as PyDict;
        return ((d.get('ground_truth') as PyValue[]).flat() as string[]).map((s) => [d.get('id') as string, s] as [string, string]);
      });

  it('parses every exec_* ground truth', () => {
    const all = ['simple', 'multiple', 'parallel', 'parallel_multiple'].flatMap((c) => strings(`BFCL_v4_exec_${c}.json`));
    expect(all.length).toBeGreaterThan(300);
    for (const [id, s] of all) expect(() => parsePythonCallString(s), `${id}: ${s}`).not.toThrow();
    const first = parsePythonCallString(all.find(([id]) => id === 'exec_multiple_0')![1]);
    expect(first.name).toBe('calc_binomial_probability');
    expect(pyRepr(first.kwargs)).toBe("{'n': 20, 'k': 5, 'p': 0.16666666666666666}");
  });

  it('keeps positional arguments and refuses the broken multi_turn_composite strings', () => {
    const all = strings('BFCL_v4_multi_turn_composite.json');
    const sort = all.find(([, s]) => s === "sort('final_report.pdf')")!;
    expect(parsePythonCallString(sort[1])).toMatchObject({ name: 'sort', args: ['final_report.pdf'] });
    // These ground truths are not valid Python (curly quotes, unterminated strings, positional after keyword).
    const failing = all.filter(([, s]) => {
      try {
        parsePythonCallString(s);
        return false;
      } catch (e) {
        expect(e).toBeInstanceOf(DecodeError);
        return true;
      }
    });
    expect(failing.length).toBe(17);
  });

  it('refuses non-literal arguments', () => {
    expect(() => parsePythonCallString('f(x=y)')).toThrow(DecodeError);
    expect(() => parsePythonCallString("f(x=__import__('os'))")).toThrow(DecodeError);
    expect(parsePythonCallString('a.b(-1, x=2*3)')).toMatchObject({ name: 'a.b', args: [-1] });
  });
});
