import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/format.js';
import { PyDict, pyEquals, type PyValue } from '../../src/core/pyvalue.js';
import { decodeJavaCalls } from '../../src/decode/java.js';
import { firstPrintedError, MAX_SOURCE_LENGTH, parseSource, promptingSource, sexpOf } from '../../src/decode/tree-sitter.js';
import { casesOf, loadConformance } from '../fixtures/conformance.js';
import { strictDiff } from '../fixtures/strict-diff.js';

/** Same Python type at every node, same dict keys in the same order, equal values. */
function expectSamePy(actual: PyValue, expected: PyValue, where = '$'): void {
  expect(strictDiff(actual, expected, where)).toBeNull();
}

function decodeOrError(text: string): PyValue | DecodeError {
  try {
    return decodeJavaCalls(text);
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
}

/** The dataset's function name for a simple_java entry, so the examples below are real calls. */
function fn(id: string): string {
  const c = casesOf('simple_java').get(id);
  if (!c) throw new Error(`no entry ${id}`);
  return c.functions[0]!.name;
}

const call = (name: string, args: Array<[string | null, string]>): PyValue[] => [new PyDict([[name, new PyDict(args)]])];

describe('decodeJavaCalls on the conformance corpus', () => {
  const records = loadConformance().filter((r) => r.language === 'java');

  it('covers every Java record of the dev split', () => {
    expect(records.length).toBe(420);
    expect(records.filter((r) => r.decodeError !== null).length).toBeGreaterThan(100);
  });

  it('fails exactly where BFCL failed and otherwise returns the identical value', () => {
    for (const r of records) {
      const out = decodeOrError(r.rawOutput);
      if (r.decodeError !== null) {
        expect(out, `${r.caseId} should fail: ${JSON.stringify(r.rawOutput)}`).toBeInstanceOf(DecodeError);
        expect(r.decoded).toBeNull();
      } else {
        expect(out, `${r.caseId} should decode: ${JSON.stringify(r.rawOutput)}`).not.toBeInstanceOf(DecodeError);
        expectSamePy(out as PyValue, r.decoded!, r.caseId);
      }
    }
  });

  it('finds an ERROR node exactly where the S-expression says "ERROR"', () => {
    for (const r of records) {
      const source = promptingSource(r.rawOutput);
      let failed = false;
      try {
        parseSource('java', source);
      } catch {
        failed = true;
      }
      expect(failed, r.caseId).toBe(sexpOf('java', source).includes('ERROR'));
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
        parseSource('java', s);
      } catch {
        failed = true;
      }
      expect(failed, JSON.stringify(s)).toBe(sexpOf('java', s).includes('ERROR'));
      if (!failed) accepted++;
    }
    expect(accepted).toBeGreaterThan(15);
  });

  it('counts an ERROR node whose children are all hidden, which the node API shows as childless', () => {
    // `\\(` prints as "(program (ERROR))": not an UNEXPECTED leaf, so BFCL rejects it.
    expect(sexpOf('java', '\\(')).toBe('(program (ERROR))');
    expect(() => parseSource('java', '\\(')).toThrow(DecodeError);
  });
});

describe('Java decoding rules on simple_java entries', () => {
  it('keeps values as source text; top-level string literals lose their quotes', () => {
    const name = fn('simple_java_25'); // id: long, sort: integer
    expect(pyEquals(decodeJavaCalls(`[${name}(id=42L, sort=5)]`), call(name, [['id', '42L'], ['sort', '5']]))).toBe(true);
    expect(pyEquals(decodeJavaCalls(`[${name}(id="42L", sort="5")]`), call(name, [['id', '42L'], ['sort', '5']]))).toBe(true);
    // Nothing is unescaped inside a literal.
    expect(pyEquals(decodeJavaCalls(`[${name}(id="4\\"2", sort=5)]`), call(name, [['id', '4\\"2'], ['sort', '5']]))).toBe(true);
  });

  it('takes character literals, even multi-character ones, without their quotes', () => {
    const name = fn('simple_java_35');
    const out = decodeJavaCalls(`[${name}(op='BitOperation.AND', destination='x')]`);
    expectSamePy(out, call(name, [['op', 'BitOperation.AND'], ['destination', 'x']]));
  });

  it('re-serialises array creation without spaces; nested strings keep their quotes', () => {
    const twoSum = fn('simple_java_27');
    expectSamePy(decodeJavaCalls(`[${twoSum}(nums=new int[]{2, 7, 11, 15}, target=9)]`), call(twoSum, [['nums', 'new int[]{2,7,11,15}'], ['target', '9']]));
    const bitOp = fn('simple_java_35');
    expectSamePy(
      decodeJavaCalls(`[${bitOp}(op=BitOperation.AND, destination="user:online:both", keys=new String[]{"user:online:today", "user:online:yesterday"})]`),
      call(bitOp, [
        ['op', 'BitOperation.AND'],
        ['destination', 'user:online:both'],
        ['keys', 'new String[]{"user:online:today","user:online:yesterday"}'],
      ]),
    );
    // Extra dimensions are dropped; an array without initializer makes BFCL raise.
    expectSamePy(decodeJavaCalls(`[${twoSum}(nums=new int[][]{{2, 7}, {11}})]`), call(twoSum, [['nums', 'new int[]{{2,7},{11}}']]));
    expect(() => decodeJavaCalls(`[${twoSum}(nums=new int[4], target=9)]`)).toThrow(DecodeError);
  });

  it('re-serialises object creation; method calls keep their text; an initializer block is lost', () => {
    const update = fn('simple_java_22'); // ids: ArrayList
    expectSamePy(
      decodeJavaCalls(`[${update}(ids=new ArrayList<Integer>(Arrays.asList(101, 202, 303)), newStatus=2)]`),
      call(update, [['ids', 'new ArrayList<Integer>(Arrays.asList(101, 202, 303))'], ['newStatus', '2']]),
    );
    const proposals = fn('simple_java_1'); // params: HashMap
    expectSamePy(
      decodeJavaCalls(`[${proposals}(object=Customers, useShortName=true, params=new HashMap<String, Object>() {{ put("limit", 50); put("schemaFilter", "public"); }})]`),
      call(proposals, [['object', 'Customers'], ['useShortName', 'true'], ['params', 'new HashMap<String,Object>()']]),
    );
  });

  it('joins the tokens of other expressions with nothing between them', () => {
    const name = fn('simple_java_98');
    expectSamePy(decodeJavaCalls(`[${name}(trueCountLocal=100 + 50, falseCountLocal=-50)]`), call(name, [['trueCountLocal', '100+50'], ['falseCountLocal', '-50']]));
  });

  it('puts positional identifiers under the key None, drops positional literals, and rejects two of them', () => {
    const name = fn('simple_java_25');
    expectSamePy(decodeJavaCalls(`[${name}(42L, sortValue)]`), call(name, [[null, 'sortValue']]));
    expectSamePy(decodeJavaCalls(`[${name}(idValue, sort=5)]`), call(name, [[null, 'idValue'], ['sort', '5']]));
    expect(() => decodeJavaCalls(`[${name}(idValue, sortValue)]`)).toThrow(DecodeError);
  });

  it('rejects a repeated argument name', () => {
    const name = fn('simple_java_25');
    expect(() => decodeJavaCalls(`[${name}(id=42L, id=43L)]`)).toThrow(/repeats argument id/);
  });

  it('returns only the first call, and an empty dict when there is none', () => {
    const name = fn('simple_java_25');
    expectSamePy(decodeJavaCalls(`[${name}(id=42L); other(x=1)]`), call(name, [['id', '42L']]));
    expect(() => decodeJavaCalls(`[${name}(id=42L), other(x=1)]`)).toThrow(DecodeError);
    expectSamePy(decodeJavaCalls('[]'), new PyDict());
    expectSamePy(decodeJavaCalls('[x = 1;]'), new PyDict());
  });

  it('applies the prompting pre-steps: bare fences and missing brackets are forgiven, a java tag or prose is not', () => {
    const name = fn('simple_java_25');
    const expected = call(name, [['id', '42L']]);
    expectSamePy(decodeJavaCalls(`\`\`\`\n${name}(id=42L)\n\`\`\``), expected);
    expectSamePy(decodeJavaCalls(`${name}(id=42L)]`), expected);
    expect(() => decodeJavaCalls(`\`\`\`java\n[${name}(id=42L)]\n\`\`\``)).toThrow(DecodeError);
    expect(() => decodeJavaCalls(`Call: [${name}(id=42L)]`)).toThrow(DecodeError);
  });

  it('accepts trees with MISSING nodes (BFCL only looks for "ERROR" in the S-expression)', () => {
    const name = fn('simple_java_25');
    // The call statement has no `;`: tree-sitter inserts a MISSING node, which BFCL accepts.
    const root = parseSource('java', `${name}(id=42L)`);
    expect(root.hasError).toBe(true);
    expect(firstPrintedError(root)).toBeNull();
  });

  it('slices texts by UTF-8 byte offsets after a non-ASCII character, like BFCL', () => {
    const name = fn('simple_java_25');
    // "é" is one character but two bytes, so every later text is shifted right by one character.
    expectSamePy(decodeJavaCalls('[f(a="é", b="x")]'), call('f', [['a', 'é"'], ['=', '"']]));
    // Texts before the first non-ASCII character are exact; the literal holding it is already shifted.
    expectSamePy(decodeJavaCalls(`[${name}(id=42L, sort="é")]`), call(name, [['id', '42L'], ['sort', 'é"']]));
    // A character outside the BMP is one Python character but four bytes.
    expectSamePy(decodeJavaCalls(`[${name}(id="😀", sort=5)]`), call(name, [['id', '😀", '], ['t=5)', '']]));
  });
});

describe('hostile Java input', () => {
  const name = 'SmsHomeRecommendSubjectController.updateSort';

  it('refuses text longer than the cap, and decodes a long call just under it', () => {
    expect(() => decodeJavaCalls('[' + 'x'.repeat(MAX_SOURCE_LENGTH + 1) + ']')).toThrow(/at most/);
    const long = 'a'.repeat(MAX_SOURCE_LENGTH - 100);
    expectSamePy(decodeJavaCalls(`[${name}(id="${long}")]`), call(name, [['id', long]]));
  });

  it('fails cleanly on deep nesting, as BFCL fails with RecursionError', () => {
    const deep = (n: number) => `[${name}(id=${'('.repeat(n)}1${')'.repeat(n)})]`;
    expectSamePy(decodeJavaCalls(deep(200)), call(name, [['id', '('.repeat(200) + '1' + ')'.repeat(200)]]));
    expect(() => decodeJavaCalls(deep(1000))).toThrow(/nested too deeply/);
    expect(() => decodeJavaCalls(deep(45_000))).toThrow(DecodeError);
    expect(() => decodeJavaCalls(`[${name}(id=new int[]${'{'.repeat(40_000)}1${'}'.repeat(40_000)})]`)).toThrow(DecodeError);
    expect(() => decodeJavaCalls('['.repeat(90_000))).toThrow(DecodeError);
    expect(() => decodeJavaCalls(`[${'f(x='.repeat(15_000)}1${')'.repeat(15_000)}]`)).not.toThrow();
  });

  it('fails cleanly on garbage and on text that cannot be encoded', () => {
    const junk = Array.from({ length: 30_000 }, (_, i) => '(){}[]<>"\'a1=,;.+-*/\\`$ \n'[(i * 7919 + (i >> 3)) % 27]).join('');
    expect(() => decodeJavaCalls(junk)).toThrow(DecodeError);
    expect(() => decodeJavaCalls(`[${name}(id="\uD800")]`)).toThrow(/surrogate/);
  });
});
