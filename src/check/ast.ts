/** BFCL §5.0–§5.1: the AST checker entry point (format pre-check, then dispatch by category). */
import type { Language } from '../core/format.js';
import type { PyValue } from '../core/pyvalue.js';
import { invalid, type ExpectedCall, type FunctionDoc, type Verdict } from '../core/types.js';
import { decodedCalls, type DecodedCall } from './call-format.js';
import { CheckerCrash, CRASH } from './checker-crash.js';
import { checkMultiple } from './multiple.js';
import { checkParallel } from './parallel.js';
import { checkSimpleCall, type CheckOptions } from './simple.js';

export interface AstInput {
  /** The category whose rules apply (for format sensitivity: the embedded original id's category). */
  category: string;
  language: Language;
  /** The entry's original function docs (no hint or type flattening). */
  functions: FunctionDoc[];
  /** The decoder's output, not yet format-checked. */
  decoded: PyValue;
  /** The possible answer's calls. */
  expected: ExpectedCall[];
  /** BFCL `underscore_to_dot` of the model. */
  underscoreToDot: boolean;
}

/** The verdict when the decoder raised (BFCL runner: ast_decoder:decoder_failed). */
export function decoderFailedVerdict(reason: string): Verdict {
  return invalid('ast_decoder:decoder_failed', `Invalid syntax. Failed to decode AST. ${reason}`);
}

/** The verdict when the decoded value is not a list of `{name: {args}}` (BFCL runner pre-check). */
export function wrongOutputFormatVerdict(): Verdict {
  return invalid(
    'ast_decoder:decoder_wrong_output_format',
    'Did not output in the specified format. Note: the model_result is wrapped in a string to ensure json serializability.',
  );
}

/**
 * BFCL's AST verdict on one decoded output. Dispatch is by substring of the category name, in
 * this order: "parallel" → order-free parallel check; "multiple" → multiple check; otherwise
 * exactly one call, checked against the first function doc and the first expected call.
 * Where BFCL itself would crash, the entry is invalid with an error type of our own (CRASH).
 */
export function checkAst(input: AstInput): Verdict {
  const calls = decodedCalls(input.decoded);
  if (calls === null) return wrongOutputFormatVerdict();
  const opts: CheckOptions = { language: input.language, underscoreToDot: input.underscoreToDot };
  try {
    return dispatch(input, calls, opts);
  } catch (e) {
    if (e instanceof CheckerCrash) return invalid(e.errorType, e.message);
    throw e;
  }
}

function dispatch(input: AstInput, calls: DecodedCall[], opts: CheckOptions): Verdict {
  const { category, functions, expected } = input;
  if (category.includes('parallel')) return checkParallel(functions, calls, expected, opts);
  if (category.includes('multiple')) return checkMultiple(functions, calls, expected, opts);
  if (calls.length !== 1) return invalid('simple_function_checker:wrong_count', 'Wrong number of functions.');
  const exp = expected[0];
  if (!exp) throw new CheckerCrash(CRASH.malformedEntry, 'The possible answer holds no call.');
  return checkSimpleCall(functions[0], calls[0]!, exp, opts);
}
