/** BFCL §5.5 and §5.7: the list check and the list-of-dicts check. */
import { pyRepr } from '../core/pyrepr.js';
import { pyEquals, type PyValue } from '../core/pyvalue.js';
import { invalid, VALID, type Verdict } from '../core/types.js';
import { checkDict } from './dict.js';
import { pyIndexedItems } from './py-containers.js';
import { standardizeString } from './strings.js';

function standardizeItems(items: readonly PyValue[]): PyValue[] {
  return items.map((x) => (typeof x === 'string' ? standardizeString(x) : x));
}

/**
 * The model list (top-level string items standardised) must equal one option (standardised the
 * same way) with Python list equality: same length, same order. An option `""` counts as `[]`.
 */
export function checkList(param: string, value: readonly PyValue[], options: readonly PyValue[]): Verdict {
  const v = standardizeItems(value);
  const normalized = options.map((o) => standardizeItems(pyIndexedItems(o)));
  for (const o of normalized) if (pyEquals(v, o)) return VALID;
  return invalid('value_error:list/tuple', `Invalid value for parameter ${pyRepr(param)}: ${pyRepr([...value])}. Expected one of ${pyRepr([...options])}.`);
}

/**
 * Each option is a list of dict options; the model list must have the same length and pass the
 * dict check item by item, in order. The first passing option wins; otherwise the last error.
 */
export function checkListOfDicts(
  param: string,
  value: readonly PyValue[],
  options: readonly PyValue[],
  dictCheck: (param: string, value: PyValue, options: readonly PyValue[]) => Verdict = checkDict,
): Verdict {
  let result: Verdict = invalid('list_dict_checker:unclear');
  for (const option of options) {
    // `len("")` is 0: an optional marker only matches an empty list.
    const items = pyIndexedItems(option);
    if (value.length !== items.length) {
      result = invalid('value_error:list_dict_count', 'Wrong number of dictionaries in the list.');
      continue;
    }
    let ok = true;
    for (let i = 0; i < value.length; i++) {
      result = dictCheck(param, value[i]!, [items[i]!]);
      if (!result.valid) {
        ok = false;
        break;
      }
    }
    if (ok) return VALID;
  }
  return result;
}
