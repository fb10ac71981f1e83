/** One entry's verdict: decode the stored result with the model's format, then check it (BFCL §5.0, §5, §6). */
import { checkAst } from '../check/ast.js';
import { checkRelevance } from '../check/relevance.js';
import type { Format, Language } from '../core/format.js';
import type { PyValue } from '../core/pyvalue.js';
import { invalid, type Case, type PossibleAnswer, type Verdict } from '../core/types.js';

export type EvalKind = 'ast' | 'relevance' | 'exec';

export interface EntryInput {
  category: string;
  kind: 'ast' | 'relevance';
  language: Language;
  testCase: Case;
  /** Possible answer (AST categories only). */
  answer?: PossibleAnswer;
  /** The `result` field of the result-file line. */
  result: PyValue;
  format: Format;
}

export interface EntryVerdict extends Verdict {
  /** The decoder's output; undefined when decoding failed. */
  decoded?: PyValue;
  /** The decoder's error message when it failed. */
  decodeError?: string;
  /** Could not be decided here (an executable entry that needs the network): not counted. */
  skipped?: boolean;
}

function decode(format: Format, result: PyValue, language: Language): { decoded?: PyValue; error?: string } {
  try {
    return { decoded: format.decodeAst(result, language) };
  } catch (e) {
    // BFCL catches any exception from decode_ast.
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function scoreEntry(input: EntryInput): EntryVerdict {
  const { category, kind, language, testCase, answer, result, format } = input;
  if (kind === 'relevance') {
    // BFCL: relevance categories are always decoded as Python.
    const d = decode(format, result, 'python');
    const v = checkRelevance(category, d.decoded);
    return { ...v, decoded: d.decoded, decodeError: d.error };
  }
  const d = decode(format, result, language);
  if (d.decoded === undefined) {
    return { ...invalid('ast_decoder:decoder_failed', `Invalid syntax. Failed to decode AST. ${d.error}`), decodeError: d.error };
  }
  const v = checkAst({
    category,
    language,
    functions: testCase.functions,
    decoded: d.decoded,
    expected: answer?.calls ?? [],
    underscoreToDot: format.underscoreToDot,
  });
  return { ...v, decoded: d.decoded };
}
