/**
 * The BFCL v1 AST checker (bfcl-spec-v1.md §3.2–§3.5), built from the v4 pieces with v1 options:
 * the weaker format pre-check, dispatch of multiple_function through the parallel checker, doc lookup
 * by substring of the answer key with the name taken from the doc, and the v1 dict rule.
 */
import type { Language } from '../core/format.js';
import { PyDict, type PyValue } from '../core/pyvalue.js';
import { invalid, type ExpectedCall, type FunctionDoc, type Verdict } from '../core/types.js';
import { wrongOutputFormatVerdict } from './ast.js';
import type { DecodedCall } from './call-format.js';
import { CheckerCrash, CRASH } from './checker-crash.js';
import { checkParallel } from './parallel.js';
import { checkSimpleCall, expectedCallName, type CheckOptions } from './simple.js';
import { checkDictV1 } from './v1-dict.js';

export interface AstInputV1 {
  category: string;
  language: Language;
  /** The entry's function docs, in file order. */
  functions: FunctionDoc[];
  decoded: PyValue;
  /** The possible answer's calls in key order (names are the answer keys, e.g. `spotify.play_1`). */
  expected: ExpectedCall[];
  underscoreToDot: boolean;
  /** The JavaScript converter of the evaluator revision (default: the one after PR #549). */
  convertJs?: (value: string, declared: string, elementType?: string) => PyValue;
}

/** v1 "function-calling format": a list whose every element is a dict (any number of keys). */
export function isFunctionCallFormatV1(decoded: PyValue): decoded is PyDict[] {
  return Array.isArray(decoded) && decoded.every((c) => c instanceof PyDict);
}

/** v1 doc lookup: the first doc whose name is a substring of the answer key (`spotify.play` in `spotify.play_1`). */
export function findDocV1(functions: readonly FunctionDoc[], key: string): FunctionDoc | undefined {
  return functions.find((f) => key.includes(f.name));
}

const NO_NAME: PyValue = new PyDict();

/**
 * A call object as the v1 checker reads it for the expected name `name`: BFCL v1 tests `name in call`
 * and reads `call[name]`, so extra keys are ignored. A call object without that key fails the name check.
 */
function viewFor(call: PyDict, name: string): DecodedCall {
  if (!call.has(name)) return { name: NO_NAME, args: new PyDict() };
  const args = call.get(name)!;
  // BFCL would misbehave and crash on non-dict parameters (never in the stored outputs).
  if (!(args instanceof PyDict)) throw new CheckerCrash(CRASH.unhandledValue, `the parameters of ${name} are not a dict`);
  return { name, args };
}

/** The v1 AST verdict on one decoded output. */
export function checkAstV1(input: AstInputV1): Verdict {
  const { decoded, category, functions, expected, language, underscoreToDot } = input;
  if (!isFunctionCallFormatV1(decoded)) return wrongOutputFormatVerdict();
  const opts: CheckOptions = {
    language,
    underscoreToDot,
    checkDict: checkDictV1,
    // A single `function` object is wrapped into a one-element list first, so the same lookup applies.
    findDoc: findDocV1,
    missingDocErrorType: 'parallel_function_checker_no_order:cannot_find_description',
  };
  if (input.convertJs) opts.convertJs = input.convertJs;
  try {
    if (category.includes('multiple') || category.includes('parallel')) {
      // The v1 parallel checker reads each call object by the expected doc's name; give it, per expected
      // call, the view of every model call under that name.
      return checkParallelV1(functions, decoded, expected, opts);
    }
    if (decoded.length !== 1) return invalid('simple_function_checker:wrong_count', 'Wrong number of functions.');
    const doc = functions[0];
    const exp = expected[0];
    if (!doc || !exp) throw new CheckerCrash(CRASH.malformedEntry, 'The entry has no function doc or no expected call.');
    return checkSimpleCall(doc, viewFor(decoded[0]!, expectedCallName(doc.name, underscoreToDot)), exp, opts);
  } catch (e) {
    if (e instanceof CheckerCrash) return invalid(e.errorType, e.message);
    throw e;
  }
}

/**
 * The v4 parallel checker with the v1 doc lookup. Model calls are single-key dicts in every stored output;
 * a call object with other keys is viewed under its first key (the v1 membership test differs from this
 * only for multi-key call objects, which no v1 decoder produces).
 */
function checkParallelV1(functions: readonly FunctionDoc[], calls: readonly PyDict[], expected: readonly ExpectedCall[], opts: CheckOptions): Verdict {
  const views: DecodedCall[] = calls.map((c) => {
    if (c.size === 0) return { name: NO_NAME, args: new PyDict() };
    const [name, args] = c.entries()[0]!;
    if (!(args instanceof PyDict)) throw new CheckerCrash(CRASH.unhandledValue, 'the parameters of a call are not a dict');
    return { name, args };
  });
  return checkParallel(functions, views, expected, opts);
}
