/**
 * BFCL's result matchers (bfcl-spec.md §7.3): exact, real-time (±20 %) and structural.
 * Messages and error types are BFCL's (`executable_checker.py`).
 */
import { pyFloatRepr, pyRepr, pyStr } from '../../core/pyrepr.js';
import { PyDict, PyFloat, pyEquals, pyTypeName, type PyValue } from '../../core/pyvalue.js';

export type MatchType = 'exact_match' | 'real_time_match' | 'structural_match';

/** BFCL's REAL_TIME_MATCH_ALLOWED_DIFFERENCE (the code comment says 5 %, the constant is 0.2). */
export const REAL_TIME_MATCH_ALLOWED_DIFFERENCE = 0.2;

export interface MatchOutcome {
  valid: boolean;
  errorType?: string;
  error?: string;
  /** BFCL's `model_executed_output`, set on every mismatch. */
  modelExecutedOutput?: PyValue;
}

const OK: MatchOutcome = Object.freeze({ valid: true });

function pyClass(v: PyValue): string {
  return `<class '${pyTypeName(v)}'>`;
}

/** Python `type(v) == float or type(v) == int` (bool excluded). */
function isRealNumber(v: PyValue): v is number | bigint | PyFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat;
}

function numValue(v: number | bigint | PyFloat): number {
  return v instanceof PyFloat ? v.value : Number(v);
}

/** `expected*(1-0.2) <= got <= expected*(1+0.2)`, in Python float arithmetic. */
export function withinRealTime(got: number | bigint | PyFloat, expected: number | bigint | PyFloat): boolean {
  const e = numValue(expected);
  const g = numValue(got);
  // BFCL quirk: for a negative expected value the interval is inverted and nothing passes (except 0 == 0 edge cases).
  return e * (1 - REAL_TIME_MATCH_ALLOWED_DIFFERENCE) <= g && g <= e * (1 + REAL_TIME_MATCH_ALLOWED_DIFFERENCE);
}

/**
 * Compare one executed result with the expected one. `callText` is the call as BFCL prints it
 * (`repr(function_call)` in messages).
 */
export function matchResult(output: PyValue, expected: PyValue, matchType: string, callText: string): MatchOutcome {
  const call = pyRepr(callText);
  if (matchType === 'exact_match') {
    if (pyEquals(output, expected)) return OK;
    return {
      valid: false,
      errorType: 'executable_checker:wrong_result',
      error: `Wrong execution result for ${call}. Expected: ${pyStr(expected)}, but got: ${pyStr(output)}.`,
      modelExecutedOutput: output,
    };
  }
  if (matchType === 'real_time_match') {
    if (isRealNumber(expected) && isRealNumber(output)) {
      if (withinRealTime(output, expected)) return OK;
      return {
        valid: false,
        errorType: 'executable_checker:wrong_result_real_time',
        error: `Wrong execution result for ${call}. Expected: ${pyStr(expected)}, but got: ${pyStr(output)}. ${pyFloatRepr(REAL_TIME_MATCH_ALLOWED_DIFFERENCE * 100)}% difference allowed.`,
        modelExecutedOutput: output,
      };
    }
    return {
      valid: false,
      errorType: 'executable_checker:wrong_result_real_time',
      error: `Wrong execution result for ${call}. Expected: ${pyStr(expected)}, but got: ${pyStr(output)}. Type needs to be float or int for real time match criteria.`,
      modelExecutedOutput: output,
    };
  }
  // Any other match type is structural (BFCL's `else` branch).
  return structuralMatch(output, expected, call);
}

function structuralMatch(output: PyValue, expected: PyValue, call: string): MatchOutcome {
  if (pyTypeName(output) !== pyTypeName(expected)) {
    return {
      valid: false,
      errorType: 'executable_checker:wrong_result_type',
      error: `Wrong execution result type for ${call}. Expected type: ${pyClass(expected)}, but got: ${pyClass(output)}.`,
      modelExecutedOutput: output,
    };
  }
  if (output instanceof PyDict && expected instanceof PyDict) {
    for (const k of expected.keys())
      if (!output.has(k))
        return {
          valid: false,
          errorType: 'executable_checker:wrong_result_type:dict_key_not_found',
          error: `Wrong execution result pattern for ${call}. Expect type Dict, but key ${pyRepr(k)} not found in the model output.`,
          modelExecutedOutput: output,
        };
    for (const k of output.keys())
      if (!expected.has(k))
        return {
          valid: false,
          errorType: 'executable_checker:wrong_result_type:dict_extra_key',
          error: `Wrong execution result pattern for ${call}. Expect type Dict, but key ${pyRepr(k)} not expected in the model output.`,
          modelExecutedOutput: output,
        };
  }
  if (Array.isArray(output) && Array.isArray(expected) && output.length !== expected.length) {
    return {
      valid: false,
      errorType: 'executable_checker:wrong_result_type:list_length',
      error: `Wrong execution result pattern for ${call}. Expect type list, but wrong number of elements in the output. Expected length: ${expected.length}, but got: ${output.length}.`,
      modelExecutedOutput: output,
    };
  }
  return OK;
}
