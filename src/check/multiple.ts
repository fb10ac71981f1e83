/** BFCL §5.9: the multiple check (one expected call among several available functions). */
import { invalid, type ExpectedCall, type FunctionDoc, type Verdict } from '../core/types.js';
import type { DecodedCall } from './call-format.js';
import { CheckerCrash, CRASH } from './checker-crash.js';
import { findFunctionDoc } from './function-docs.js';
import { checkSimpleCall, type CheckOptions } from './simple.js';

/** As many calls as expected (one); then the simple check of the first call against the expected function's doc. */
export function checkMultiple(functions: readonly FunctionDoc[], calls: readonly DecodedCall[], expected: readonly ExpectedCall[], opts: CheckOptions): Verdict {
  if (calls.length !== expected.length) return invalid('multiple_function_checker:wrong_count', 'Wrong number of functions.');
  const exp = expected[0];
  // BFCL would crash (IndexError) on an empty possible answer.
  if (!exp) throw new CheckerCrash(CRASH.malformedEntry, 'The possible answer holds no call.');
  return checkSimpleCall(findFunctionDoc(functions, exp.name), calls[0]!, exp, opts);
}
