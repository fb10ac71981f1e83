/** One v1 AST or relevance entry: decode with the model's v1 family, then the v1 checks (bfcl-spec-v1.md §2–§3). */
import { decoderFailedVerdict } from '../check/ast.js';
import { checkAstV1 } from '../check/v1-ast.js';
import { checkRelevanceV1 } from '../check/v1-relevance.js';
import type { Format, Language } from '../core/format.js';
import type { PyValue } from '../core/pyvalue.js';
import type { ExpectedCall, FunctionDoc, Verdict } from '../core/types.js';
import { convertJsValueBefore549 } from '../check/v1-js-values.js';

/**
 * The v1 evaluator revision: `56f2cb21` (2024-07-25 run) or `de8307b4` (2024-08-11 run). They differ only
 * in the JavaScript dict converter (PR #549, 2024-07-29); bfcl-spec-v1.md §1.
 */
export type V1Revision = '56f2cb21' | 'de8307b4';
export const V1_REVISIONS: readonly V1Revision[] = ['56f2cb21', 'de8307b4'];

/** Which stage failed, for the shape of the score line. */
export type V1FailureStage = 'decode' | 'format' | 'check';

export interface V1EntryVerdict extends Verdict {
  decoded?: PyValue;
  stage?: V1FailureStage;
}

export interface V1AstInput {
  category: string;
  language: Language;
  functions: FunctionDoc[];
  expected: ExpectedCall[];
  result: PyValue;
  format: Format;
  revision: V1Revision;
}

function decode(format: Format, result: PyValue, language: Language): { decoded?: PyValue; error?: string } {
  try {
    return { decoded: format.decodeAst(result, language) };
  } catch (e) {
    // BFCL catches any exception from decode_ast.
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function scoreAstEntryV1(input: V1AstInput): V1EntryVerdict {
  const d = decode(input.format, input.result, input.language);
  if (d.decoded === undefined) return { ...decoderFailedVerdict(d.error ?? ''), stage: 'decode' };
  const v = checkAstV1({
    category: input.category,
    language: input.language,
    functions: input.functions,
    decoded: d.decoded,
    expected: input.expected,
    underscoreToDot: input.format.underscoreToDot,
    ...(input.revision === '56f2cb21' ? { convertJs: convertJsValueBefore549 } : {}),
  });
  if (v.valid) return { ...v, decoded: d.decoded };
  return { ...v, decoded: d.decoded, stage: v.errorType === 'ast_decoder:decoder_wrong_output_format' ? 'format' : 'check' };
}

/** Relevance: always decoded as Python; passes when the decoder raised or found no call. */
export function scoreRelevanceEntryV1(result: PyValue, format: Format): V1EntryVerdict {
  const d = decode(format, result, 'python');
  const v = checkRelevanceV1(d.decoded);
  return v.valid ? v : { ...v, decoded: d.decoded, stage: 'check' };
}
