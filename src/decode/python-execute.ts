/**
 * BFCL decode_execute for the default prompting format (bfcl-spec.md §4.1, last paragraph): decoded calls
 * rendered back into Python call strings `name(k1=v1, k2=v2)`.
 */
import { DecodeError } from '../core/format.js';
import { pyRepr } from '../core/pyrepr.js';
import { PyDict, type PyValue } from '../core/pyvalue.js';
import { decodePythonCalls } from './python-calls.js';

/** How argument values are rendered: BFCL's prompting `parse_nested_value`, or plain `repr` (FC formats). */
export type ValueStyle = 'nested' | 'repr';

/** decode_execute: raw model text → call strings. Throws DecodeError where decoding fails. */
export function decodePythonExecute(text: string): string[] {
  return callsToExecuteStrings(decodePythonCalls(text));
}

/**
 * Render already-decoded calls (`[{name: {kw: value}}]`, or one such dict) as call strings.
 * The prompting decoder joins arguments with ", " and renders values with parse_nested_value; FC formats
 * join with "," and use repr. `style` defaults to 'nested' for ", " and 'repr' for any other separator.
 */
export function callsToExecuteStrings(calls: PyValue, sep = ', ', style: ValueStyle = sep === ', ' ? 'nested' : 'repr'): string[] {
  const list = calls instanceof PyDict ? [calls] : calls;
  if (!Array.isArray(list)) throw new DecodeError(`TypeError: decoded calls must be a list, not ${describe(calls)}`);
  const render = style === 'nested' ? nestedValue : pyRepr;
  const out: string[] = [];
  for (const call of list) {
    if (!(call instanceof PyDict)) throw new DecodeError(`AttributeError: ${describe(call)} object has no attribute 'items'`);
    for (const [name, args] of call) {
      if (!(args instanceof PyDict)) throw new DecodeError(`AttributeError: ${describe(args)} object has no attribute 'items'`);
      out.push(`${keyText(name)}(${args.entries().map(([k, v]) => `${keyText(k)}=${render(v)}`).join(sep)})`);
    }
  }
  return out;
}

function describe(v: PyValue): string {
  return `'${v === null ? 'NoneType' : Array.isArray(v) ? 'list' : typeof v === 'string' ? 'str' : typeof v}'`;
}

/** Python `f"{k}"` of a key. */
function keyText(k: PyValue): string {
  return typeof k === 'string' ? k : pyRepr(k);
}

/** BFCL's parse_nested_value: a dict of dicts is a nested call, another dict is rendered item by item. */
function nestedValue(v: PyValue): string {
  if (!(v instanceof PyDict)) return pyRepr(v);
  const values = v.values();
  if (values.every((x) => x instanceof PyDict)) {
    // BFCL quirk: an empty dict counts as a nested call and then fails (no first key); only the first
    // key of a dict of dicts is rendered.
    if (v.size === 0) throw new DecodeError('IndexError: list index out of range');
    const [name, args] = v.entries()[0]!;
    return `${keyText(name)}(${(args as PyDict).entries().map(([k, x]) => `${keyText(k)}=${nestedValue(x)}`).join(', ')})`;
  }
  return '{' + v.entries().map(([k, x]) => `${nestedValue(k)}: ${nestedValue(x)}`).join(', ') + '}';
}
