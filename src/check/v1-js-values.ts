/**
 * The JavaScript value converter of the BFCL checker before PR #549 (2024-07-29), used by the evaluator
 * of the 2024-07-25 run (gorilla 56f2cb21). Only `dict` differs from js-values.ts: the object text up to
 * the first `}` is split on `,` and each piece on `:`; any piece that does not split into exactly two
 * parts makes the whole value stay a string (so `{"a": ["x", "y"]}` is a str, and fails the type check).
 */
import { PyDict, type PyValue } from '../core/pyvalue.js';
import { convertJsValue, parseJsValue } from './js-values.js';
import { pyStrip, pyStripChars, RX } from './py-text.js';

const OBJECT = new RegExp(`\\{(${RX.dot}*?)\\}`, 'uy');

/** BFCL (56f2cb21) `js_type_converter`. */
export function convertJsValueBefore549(value: string, declared: string, elementType?: string): PyValue {
  if (declared !== 'dict') return convertJsValue(value, declared, elementType);
  const code = pyStrip(value);
  if (code === '{}') return new PyDict();
  OBJECT.lastIndex = 0;
  const m = OBJECT.exec(code);
  if (!m) return code;
  const out = new PyDict();
  for (const pair of m[1]!.split(',')) {
    const parts = pair.split(':');
    // BFCL quirk (before #549): `key, value = pair.split(":")` raises unless there are exactly two parts.
    if (parts.length !== 2) return code;
    const key = parseJsValue(pyStripChars(pyStrip(parts[0]!), "'"));
    const v = parseJsValue(pyStripChars(pyStrip(parts[1]!), "'"));
    out.set(key, v);
  }
  return out;
}
