/** How the pipeline turns one conformance record into a verdict with the check/ API (test helper). */
import { checkAst, decoderFailedVerdict } from '../../src/check/ast.js';
import { checkRelevance } from '../../src/check/relevance.js';
import type { Verdict } from '../../src/core/types.js';
import { answersOf, casesOf, type ConformanceRecord } from '../fixtures/conformance.js';

export const RELEVANCE_CATEGORIES = new Set(['irrelevance', 'live_irrelevance', 'live_relevance']);

export function verdictOf(r: ConformanceRecord): Verdict {
  if (RELEVANCE_CATEGORIES.has(r.category)) return checkRelevance(r.category, r.decodeError !== null ? undefined : r.decoded);
  // `decoded` is null both when the decoder raised (decode_error set) and when it returned None
  // (the JavaScript decoder does for `[]` and for two calls): the latter goes to the format check.
  if (r.decoded === null && r.decodeError !== null) return decoderFailedVerdict(r.decodeError);
  const c = casesOf(r.category).get(r.id);
  const a = answersOf(r.category).get(r.id);
  if (!c || !a) throw new Error(`no dataset entry for ${r.id}`);
  return checkAst({ category: r.category, language: r.language, functions: c.functions, decoded: r.decoded, expected: a.calls, underscoreToDot: false });
}
