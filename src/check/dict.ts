/** BFCL §5.6: the dict check (declared dict / HashMap). */
import { pyRepr } from '../core/pyrepr.js';
import { PyDict, pyIn, pyTypeName, type PyValue } from '../core/pyvalue.js';
import { invalid, VALID, type Verdict } from '../core/types.js';
import { CheckerCrash, CRASH } from './checker-crash.js';
import { pyContains, pyIndexedItems } from './py-containers.js';
import { standardizeString } from './strings.js';

function standardized(v: PyValue): PyValue {
  return typeof v === 'string' ? standardizeString(v) : v;
}

/** Python `str(key)` inside BFCL's `'{key}'` messages. */
function keyText(k: PyValue): string {
  return typeof k === 'string' ? k : pyRepr(k);
}

/**
 * Each option that is not `""` is `{key: [allowed values]}`. Model keys must all be in the option
 * with an allowed value (string values standardised on both sides; other values compared with
 * Python `==`, nested dicts included, without recursion); option keys the model left out must
 * allow `""`. The first passing option wins; otherwise the last option's error is returned.
 */
export function checkDict(param: string, value: PyValue, options: readonly PyValue[]): Verdict {
  let result: Verdict = invalid('dict_checker:unclear');
  for (const option of options) {
    if (option === '') continue;
    if (!(value instanceof PyDict)) throw new CheckerCrash(CRASH.unhandledValue, `'${pyTypeName(value)}' object has no attribute 'items'`);
    // Any other option shape makes BFCL raise before this option is decided.
    if (!(option instanceof PyDict)) throw new CheckerCrash(CRASH.malformedEntry, `a dict option is ${pyTypeName(option)}, not dict`);
    const errors: string[] = [];
    let errorType = 'dict_checker:unclear';
    let ok = true;
    for (const [key, v] of value) {
      if (!option.has(key)) {
        errors.push(`Unexpected dict key parameter: '${keyText(key)}'.`);
        errorType = 'value_error:dict_key';
        ok = false;
        break;
      }
      const allowed = pyIndexedItems(option.get(key)!).map(standardized);
      if (!pyIn(standardized(v), allowed)) {
        errors.push(`Invalid value for parameter ${pyRepr(key)}: ${pyRepr(v)}. Expected one of ${pyRepr(allowed)}.`);
        errorType = 'value_error:dict_value';
        ok = false;
        break;
      }
    }
    // BFCL quirk: this pass runs even after a failed value, so a missing key then wins the error type.
    for (const [key, allowed] of option) {
      if (!value.has(key) && !pyContains(allowed, '')) {
        errors.push(`Missing dict key parameter: '${keyText(key)}'.`);
        errorType = 'value_error:dict_key';
        ok = false;
        break;
      }
    }
    if (ok) return VALID;
    result = invalid(errorType, ...errors);
  }
  return result;
}
