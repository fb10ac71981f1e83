/** BFCL §6: relevance and irrelevance verdicts (no possible answer; values never checked). */
import type { PyValue } from '../core/pyvalue.js';
import { invalid, VALID, type Verdict } from '../core/types.js';
import { decodedCalls } from './call-format.js';

/**
 * Whether a decoded output holds at least one call. Not in function-calling format, `[]` and
 * `[{}]` count as no call; `[{"f": {}}]` (a call without arguments) is a call.
 */
export function containsCall(decoded: PyValue | undefined): boolean {
  if (decoded === undefined) return false;
  const calls = decodedCalls(decoded);
  return calls !== null && calls.length > 0;
}

/**
 * `decoded` is undefined when the (Python) decoder raised. Categories whose name contains
 * "irrelevance" pass when there is no call; live_relevance passes when there is one.
 */
export function checkRelevance(category: string, decoded: PyValue | undefined): Verdict {
  const hasCall = containsCall(decoded);
  if (category.includes('irrelevance')) {
    return hasCall ? invalid('irrelevance_error:decoder_success', 'Valid syntax. Successfully decode AST when it should not.') : VALID;
  }
  return hasCall ? VALID : invalid('relevance_error:decoder_failed', 'Invalid syntax. Failed to decode AST when it should have.');
}
