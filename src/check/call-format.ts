/** BFCL §5.0: the function-calling-format test on decoded output, and the calls it holds. */
import { PyDict, type PyValue } from '../core/pyvalue.js';
import { pyStr } from '../core/pyrepr.js';
import type { Call } from '../core/types.js';

/** One decoded call as the checker sees it: the name key exactly as decoded (normally a str). */
export interface DecodedCall {
  name: PyValue;
  args: PyDict;
}

/** A list (possibly empty) whose every item is a dict with exactly one key whose value is a dict. */
export function isFunctionCallFormat(decoded: PyValue): boolean {
  return decodedCalls(decoded) !== null;
}

/** The calls of a decoded value in function-calling format, or null when it is not in that format. */
export function decodedCalls(decoded: PyValue): DecodedCall[] | null {
  if (!Array.isArray(decoded)) return null;
  const out: DecodedCall[] = [];
  for (const item of decoded) {
    if (!(item instanceof PyDict) || item.size !== 1) return null;
    const [name, args] = item.entries()[0]!;
    if (!(args instanceof PyDict)) return null;
    out.push({ name, args });
  }
  return out;
}

/**
 * The decoded calls as pipeline Calls, or null when the value is not in function-calling format.
 * A name key that is not a str (possible only from hand-made values) is rendered with Python `str()`.
 */
export function toCalls(decoded: PyValue): Call[] | null {
  const calls = decodedCalls(decoded);
  return calls && calls.map((c) => ({ name: typeof c.name === 'string' ? c.name : pyStr(c.name), args: c.args }));
}
