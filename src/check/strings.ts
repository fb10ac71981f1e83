/** BFCL §5.4: string normalisation and the string check. */
import { pyRepr } from '../core/pyrepr.js';
import type { PyValue } from '../core/pyvalue.js';
import { invalid, VALID, type Verdict } from '../core/types.js';

const REMOVED = /[ ,./\-_*^]/g;

/**
 * BFCL `standardize_string`: delete U+0020 and `, . / - _ * ^`, lower-case, then `'` → `"`.
 * Tabs, newlines and other punctuation are kept.
 */
export function standardizeString(s: string): string {
  return s.replace(REMOVED, '').toLowerCase().replaceAll("'", '"');
}

/** The string check: the standardised value must equal a standardised string option. */
export function checkString(param: string, value: string, options: readonly PyValue[]): Verdict {
  const v = standardizeString(value);
  for (const o of options) if (typeof o === 'string' && standardizeString(o) === v) return VALID;
  return invalid('value_error:string', `Invalid value for parameter ${pyRepr(param)}: ${pyRepr(value)}. Expected one of ${pyRepr([...options])}. Case insensitive.`);
}
