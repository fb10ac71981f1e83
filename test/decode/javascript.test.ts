import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/format.js';
import { PyDict, type PyValue } from '../../src/core/pyvalue.js';
import { decodeJavaScriptCalls } from '../../src/decode/javascript.js';
import { MAX_SOURCE_LENGTH, parseSource, promptingSource, sexpOf } from '../../src/decode/tree-sitter.js';
import { casesOf, loadConformance } from '../fixtures/conformance.js';
import { strictDiff } from '../fixtures/strict-diff.js';

/** Same Python type at every node, same dict keys in the same order, equal values. */
function expectSamePy(actual: PyValue, expected: PyValue, where = '$'): void {
  expect(strictDiff(actual, expected, where)).toBeNull();
}

function decodeOrError(text: string): PyValue | DecodeError {
  try {
    return decodeJavaScriptCalls(text);
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
}

/** The dataset's function name for a simple_javascript entry, so the examples below are real calls. */
function fn(id: string): string {
  const c = casesOf('simple_javascript').get(id);
  if (!c) throw new Error(`no entry ${id}`);
  return c.functions[0]!.name;
}

const call = (name: string, args: Array<[string | null, string]>): PyValue[] => [new PyDict([[name, new PyDict(args)]])];

describe('decodeJavaScriptCalls on the conformance corpus', () => {
  const records = loadConformance().filter((r) => r.language === 'javascript');

  it('covers every JavaScript record of the dev split, including ones decoded to None', () => {
    expect(records.length).toBe(180);
    // BFCL's JS decoder returns None (no error) when it finds no top-level call.
    expect(records.filter((r) => r.decoded === null && r.decodeError === null).length).toBeGreaterThan(10);
  });

  it('fails exactly where BFCL failed and otherwise returns the identical value (None included)', () => {
    for (const r of records) {
      const out = decodeOrError(r.rawOutput);
      if (r.decodeError !== null) {
        expect(out, `${r.caseId} should fail: ${JSON.stringify(r.rawOutput)}`).toBeInstanceOf(DecodeError);
        expect(r.decoded).toBeNull();
      } else {
        expect(out, `${r.caseId} should decode: ${JSON.stringify(r.rawOutput)}`).not.toBeInstanceOf(DecodeError);
        expectSamePy(out as PyValue, r.decoded, r.caseId);
      }
    }
  });

  it('finds an ERROR node exactly where the S-expression says "ERROR"', () => {
    for (const r of records) {
      const source = promptingSource(r.rawOutput);
      let failed = false;
      try {
        parseSource('javascript', source);
      } catch {
        failed = true;
      }
      expect(failed, r.caseId).toBe(sexpOf('javascript', source).includes('ERROR'));
    }
  });
});

describe('ERROR detection against the S-expression on generated snippets', () => {
  it('agrees with "ERROR" in sexp() for 1,000 short token soups', () => {
    const tokens = ['f', '(', ')', 'a', '=', '"x"', "'y'", '1', ',', ';', '{', '}', '[', ']', 'new', 'int', '.', ' ', '@', '#', '<', '>', '`', '\\', '"', "'", '/*', '*/', '//', '\n', 'true', '+', '?', ':', '$', '€'];
    let seed = 12345;
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
    let accepted = 0;
    for (let i = 0; i < 1000; i++) {
      let s = '';
      for (let k = 1 + next(12); k > 0; k--) s += tokens[next(tokens.length)];
      let failed = false;
      try {
        parseSource('javascript', s);
      } catch {
        failed = true;
      }
      expect(failed, JSON.stringify(s)).toBe(sexpOf('javascript', s).includes('ERROR'));
      if (!failed) accepted++;
    }
    expect(accepted).toBeGreaterThan(15);
  });
});

describe('JavaScript decoding rules on simple_javascript entries', () => {
  it('removes one layer of double or single quotes and keeps everything else as written', () => {
    const name = fn('simple_javascript_0'); // inputField: String, isComplete: Boolean
    expectSamePy(decodeJavaScriptCalls(`[${name}(inputField="userInputField", isComplete=true)]`), call(name, [['inputField', 'userInputField'], ['isComplete', 'true']]));
    expectSamePy(decodeJavaScriptCalls(`[${name}(inputField='userInputField', isComplete="true")]`), call(name, [['inputField', 'userInputField'], ['isComplete', 'true']]));
    // Only one layer, and nothing is unescaped.
    expectSamePy(decodeJavaScriptCalls(`[${name}(inputField="'a\\"b'")]`), call(name, [['inputField', `'a\\"b'`]]));
    // Python-style True is just an identifier's text.
    expectSamePy(decodeJavaScriptCalls(`[${name}(isComplete=True)]`), call(name, [['isComplete', 'True']]));
  });

  it('keeps arrays, objects and numbers as their source text', () => {
    const extract = fn('simple_javascript_2'); // status: array
    expectSamePy(
      decodeJavaScriptCalls(`[${extract}(filepath="/var/log/db.log", status=['completed', 'failed'], encoding="utf-8", processFunction=processFunction)]`),
      call(extract, [['filepath', '/var/log/db.log'], ['status', "['completed', 'failed']"], ['encoding', 'utf-8'], ['processFunction', 'processFunction']]),
    );
    const rotate = fn('simple_javascript_16'); // vertices, pivot: array; angle: float
    expectSamePy(
      decodeJavaScriptCalls(`[${rotate}(vertices=[[10.0, 15.0], [20.0, 25.0]], pivot=[12.0, 17.0], angle=30)]`),
      call(rotate, [['vertices', '[[10.0, 15.0], [20.0, 25.0]]'], ['pivot', '[12.0, 17.0]'], ['angle', '30']]),
    );
    const click = fn('simple_javascript_20'); // options: dict
    expectSamePy(decodeJavaScriptCalls(`[${click}(element=myButton, options={stopPropagation: true})]`), call(click, [['element', 'myButton'], ['options', '{stopPropagation: true}']]));
  });

  it('puts positional identifiers and `true` under the key None and drops other positional values', () => {
    const name = fn('simple_javascript_0');
    expectSamePy(decodeJavaScriptCalls(`[${name}("userInputField", true)]`), call(name, [[null, 'true']]));
    expectSamePy(decodeJavaScriptCalls(`[${name}("userInputField", false, 3)]`), call(name, []));
    expectSamePy(decodeJavaScriptCalls(`[${name}(userInputField, isComplete=true)]`), call(name, [[null, 'userInputField'], ['isComplete', 'true']]));
    expect(() => decodeJavaScriptCalls(`[${name}(userInputField, true)]`)).toThrow(DecodeError);
  });

  it('rejects a repeated argument name', () => {
    const name = fn('simple_javascript_0');
    expect(() => decodeJavaScriptCalls(`[${name}(isComplete=true, isComplete=false)]`)).toThrow(/repeats argument isComplete/);
  });

  it('returns None for no top-level call: empty list, two comma-separated calls, JSON, a call that is not the statement', () => {
    const name = fn('simple_javascript_0');
    expect(decodeJavaScriptCalls('[]')).toBeNull();
    expect(decodeJavaScriptCalls(`[${name}(isComplete=true), ${name}(isComplete=false)]`)).toBeNull();
    expect(decodeJavaScriptCalls(`[{"name": "${name}", "arguments": {"isComplete": true}}]`)).toBeNull();
    expect(decodeJavaScriptCalls(`[await ${name}(isComplete=true)]`)).toBeNull();
    expect(decodeJavaScriptCalls(`[x = ${name}(isComplete=true)]`)).toBeNull();
  });

  it('returns only the first call statement', () => {
    const name = fn('simple_javascript_0');
    expectSamePy(decodeJavaScriptCalls(`[${name}(isComplete=true); other(x=1)]`), call(name, [['isComplete', 'true']]));
    expectSamePy(decodeJavaScriptCalls(`[x = 1; ${name}(isComplete=true)]`), call(name, [['isComplete', 'true']]));
  });

  it('applies the prompting pre-steps: bare fences and missing brackets are forgiven, a language tag or prose is not', () => {
    const name = fn('simple_javascript_0');
    const expected = call(name, [['isComplete', 'true']]);
    expectSamePy(decodeJavaScriptCalls(`\`\`\`\n[${name}(isComplete=true)]\n\`\`\``), expected);
    expectSamePy(decodeJavaScriptCalls(`${name}(isComplete=true)`), expected);
    expect(() => decodeJavaScriptCalls(`\`\`\`javascript\n[${name}(isComplete=true)]\n\`\`\``)).toThrow(DecodeError);
    expect(() => decodeJavaScriptCalls(`Here: [${name}(isComplete=true)]`)).toThrow(DecodeError);
  });

  it('takes texts exactly, also after non-ASCII characters (BFCL decodes the node bytes)', () => {
    const name = fn('simple_javascript_0');
    expectSamePy(decodeJavaScriptCalls(`[${name}(inputField="café 😀", isComplete=true)]`), call(name, [['inputField', 'café 😀'], ['isComplete', 'true']]));
  });
});

describe('hostile JavaScript input', () => {
  const name = 'validateUserInput';

  it('refuses text longer than the cap, and decodes a long call just under it', () => {
    expect(() => decodeJavaScriptCalls('[' + 'x'.repeat(MAX_SOURCE_LENGTH + 1) + ']')).toThrow(/at most/);
    const long = 'a'.repeat(MAX_SOURCE_LENGTH - 100);
    expectSamePy(decodeJavaScriptCalls(`[${name}(inputField="${long}")]`), call(name, [['inputField', long]]));
  });

  it('decodes or fails cleanly on deep nesting', () => {
    const parens = '('.repeat(45_000) + '1' + ')'.repeat(45_000);
    expectSamePy(decodeJavaScriptCalls(`[${name}(inputField=${parens})]`), call(name, [['inputField', parens]]));
    expect(() => decodeJavaScriptCalls('['.repeat(90_000))).toThrow(DecodeError);
    expect(() => decodeJavaScriptCalls(`[${name}(inputField=${'{a:'.repeat(30_000)})]`)).toThrow(DecodeError);
  });

  it('fails cleanly on garbage and on text that cannot be encoded', () => {
    const junk = Array.from({ length: 30_000 }, (_, i) => '(){}[]<>"\'a1=,;.+-*/\\`$ \n'[(i * 7919 + (i >> 3)) % 27]).join('');
    expect(() => decodeJavaScriptCalls(junk)).toThrow(DecodeError);
    expect(() => decodeJavaScriptCalls(`[${name}(inputField="\uDC00")]`)).toThrow(/surrogate/);
  });
});
