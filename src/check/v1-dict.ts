/** The BFCL v1 dict check (bfcl-spec-v1.md §3.5); v4's is dict.ts. */
import { pyRepr } from '../core/pyrepr.js';
import { PyDict, pyIn, pyTypeName, type PyValue } from '../core/pyvalue.js';
import { invalid, VALID, type Verdict } from '../core/types.js';
import { CheckerCrash, CRASH } from './checker-crash.js';
import { pyIndexedItems } from './py-containers.js';
import { standardizeString } from './strings.js';

function standardized(v: PyValue): PyValue {
  return typeof v === 'string' ? standardizeString(v) : v;
}

function keyText(k: PyValue): string {
  return typeof k === 'string' ? k : pyRepr(k);
}

/**
 * For each option that is not `""`: the model dict must have as many keys as the option
 * (`value_error:dict_items`), every model key must be in the option (`value_error:dict_key`), and every
 * value must be among the option's allowed values (strings standardised; `value_error:dict_value`); an
 * option entry that is itself a dict is checked recursively as the single option. First passing option
 * wins; otherwise the error of the last option tried.
 * BFCL quirk (v1): no missing-key check and no optional keys; the equal-size rule stands in for both.
 */
export function checkDictV1(param: string, value: PyValue, options: readonly PyValue[]): Verdict {
  let result: Verdict = invalid('dict_checker:unclear');
  for (const option of options) {
    if (option === '') continue;
    if (!(value instanceof PyDict)) throw new CheckerCrash(CRASH.unhandledValue, `'${pyTypeName(value)}' object has no attribute 'keys'`);
    if (!(option instanceof PyDict)) throw new CheckerCrash(CRASH.malformedEntry, `a dict option is ${pyTypeName(option)}, not dict`);
    if (value.size !== option.size) {
      result = invalid('value_error:dict_items', 'Wrong number of parameters for dictionary.');
      continue;
    }
    result = invalid('dict_checker:unclear');
    let ok = true;
    for (const [key, v] of value) {
      if (!option.has(key)) {
        result = invalid('value_error:dict_key', `Unexpected parameter: '${keyText(key)}'.`);
        ok = false;
        break;
      }
      const allowedRaw = option.get(key)!;
      if (allowedRaw instanceof PyDict) {
        result = checkDictV1(param, v, [allowedRaw]);
        if (!result.valid) {
          ok = false;
          break;
        }
        continue;
      }
      // BFCL quirk (v1): a string where the option list belongs is iterated per character (java_1 …).
      const allowed = pyIndexedItems(allowedRaw).map(standardized);
      if (!pyIn(standardized(v), allowed)) {
        result = invalid('value_error:dict_value', `Invalid value for parameter ${pyRepr(key)}: ${pyRepr(v)}. Expected one of ${pyRepr(allowed)}.`);
        ok = false;
        break;
      }
    }
    if (ok) return VALID;
  }
  return result;
}
