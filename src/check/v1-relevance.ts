/** The BFCL v1 relevance check (bfcl-spec-v1.md §3.8; the category later called irrelevance). */
import type { PyValue } from '../core/pyvalue.js';
import { invalid, VALID, type Verdict } from '../core/types.js';
import { isFunctionCallFormatV1 } from './v1-ast.js';

/**
 * v1 "empty": not in the (weak) v1 function-calling format, `[]`, or a one-element list whose dict has
 * no keys. `decoded` is undefined when the decoder raised, which also counts as no call.
 */
export function isEmptyV1(decoded: PyValue | undefined): boolean {
  if (decoded === undefined || !isFunctionCallFormatV1(decoded)) return true;
  return decoded.length === 0 || (decoded.length === 1 && decoded[0]!.size === 0);
}

/** Passes when the model made no call. */
export function checkRelevanceV1(decoded: PyValue | undefined): Verdict {
  return isEmptyV1(decoded) ? VALID : invalid('relevance_error:decoder_success', 'Valid syntax. Successfully decode AST when it should not.');
}
