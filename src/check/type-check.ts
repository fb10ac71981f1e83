/** BFCL §5.3 step 5: the type check, with the "variable" rule and the one-level element check. */
import { pyRepr } from '../core/pyrepr.js';
import { pyTypeName, type PyValue } from '../core/pyvalue.js';
import { invalid, VALID, type Verdict } from '../core/types.js';
import { classRepr, type RuntimeType } from './declared-types.js';

export interface TypeCheck {
  verdict: Verdict;
  /** The possible answer holds a value of another type than declared (e.g. a variable name as a string). */
  isVariable: boolean;
}

/** The type of the first option that is not `""`, or undefined when every option is `""`. */
export function answerTypeOf(options: readonly PyValue[]): RuntimeType | undefined {
  for (const o of options) if (o !== '') return pyTypeName(o);
  return undefined;
}

/**
 * BFCL `type_checker`. Types are compared by identity (bool ≠ int ≠ float). A value of the
 * possible answer's type is accepted as a "variable" when the declared type does not fit.
 */
export function checkType(
  param: string,
  value: PyValue,
  options: readonly PyValue[],
  declared: string,
  expected: RuntimeType,
  elementType: RuntimeType | undefined,
): TypeCheck {
  const answerType = answerTypeOf(options);
  const isVariable = answerType !== undefined && answerType !== expected;
  const actual = pyTypeName(value);
  let nestedFailure: Verdict | undefined;
  if (actual === expected) {
    if (elementType === undefined) return { verdict: VALID, isVariable };
    for (const option of options) {
      // An option that is not a list (such as "") passes at once.
      if (!Array.isArray(option) || (value as PyValue[]).every((item) => checkType(param, item, option, classRepr(elementType), elementType, undefined).verdict.valid)) {
        return { verdict: VALID, isVariable };
      }
    }
    nestedFailure = invalid(
      'type_error:nested',
      `Nested type checking failed for parameter ${pyRepr(param)}. Expected outer type ${declared} with inner type ${classRepr(elementType)}. Parameter value: ${pyRepr(value)}.`,
    );
  }
  if (answerType !== undefined && actual === answerType) {
    // After a failed element check this returns that failure (as type_error:nested).
    return { verdict: nestedFailure ?? VALID, isVariable: true };
  }
  const message = `Incorrect type for parameter ${pyRepr(param)}. Expected type ${declared}, got ${actual}. Parameter value: ${pyRepr(value)}.`;
  return { verdict: invalid('type_error:simple', ...(nestedFailure ? nestedFailure.errors : []), message), isVariable };
}
