/** BFCL §5.8: the order-free parallel check (greedy first fit). */
import { pyRepr } from '../core/pyrepr.js';
import { invalid, VALID, type ExpectedCall, type FunctionDoc, type Verdict } from '../core/types.js';
import type { DecodedCall } from './call-format.js';
import { findFunctionDoc } from './function-docs.js';
import { checkSimpleCall, type CheckOptions } from './simple.js';

/**
 * Same number of calls as expected; then each expected call, in ground-truth order, consumes the
 * first not yet matched model call that passes the simple check against it.
 * BFCL quirk: greedy first fit, not a maximum matching, so a model call that fits several expected
 * calls can be taken by the wrong one and a correct answer rejected (parallel_180).
 */
export function checkParallel(functions: readonly FunctionDoc[], calls: readonly DecodedCall[], expected: readonly ExpectedCall[], opts: CheckOptions): Verdict {
  if (calls.length !== expected.length) return invalid('parallel_function_checker_no_order:wrong_count', 'Wrong number of functions.');
  const matched = new Set<number>();
  for (let i = 0; i < expected.length; i++) {
    const exp = expected[i]!;
    const doc = (opts.findDoc ?? findFunctionDoc)(functions, exp.name);
    if (!doc && opts.missingDocErrorType) return invalid(opts.missingDocErrorType, `Function doc description not found for ${pyRepr(exp.name)}.`);
    const subErrors: string[] = [];
    let found = false;
    for (let j = 0; j < calls.length; j++) {
      if (matched.has(j)) continue;
      const v = checkSimpleCall(doc, calls[j]!, exp, opts);
      if (v.valid) {
        matched.add(j);
        found = true;
        break;
      }
      subErrors.push(`Model Result Index ${j}: ${v.errorType}: ${v.errors.join(' ')}`);
    }
    if (!found) {
      const considered = calls.map((_, j) => j).filter((j) => !matched.has(j));
      return invalid(
        'parallel_function_checker_no_order:cannot_find_match',
        `Could not find a matching function among index ${pyRepr(considered)} of model output for index ${i} of possible answers.`,
        ...subErrors,
      );
    }
  }
  return VALID;
}
