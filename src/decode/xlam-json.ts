/**
 * Decoding xLAM's JSON answers (bfcl-spec.md §11.1, xlam-format.md): `{"tool_calls": [{"name", "arguments"}]}`
 * or a bare list of calls, as BFCL's July-2024 xLAM handler (`xlam_handler.py`) decoded them.
 */
import { DecodeError } from '../core/format.js';
import { JsonParseError, parsePyJson } from '../core/pyjson.js';
import { pyRepr } from '../core/pyrepr.js';
import { PyDict, PyError, type PyValue } from '../core/pyvalue.js';

/** `json.loads`, or undefined where Python raises JSONDecodeError. */
function loads(text: string): PyValue | undefined {
  try {
    return parsePyJson(text);
  } catch (e) {
    if (e instanceof JsonParseError) {
      // Python raises RecursionError (not JSONDecodeError) on very deep nesting; the handler did not catch it.
      if (e.reason === 'Nesting too deep') throw new DecodeError(`xLAM output nests too deeply: ${e.message}`);
      return undefined;
    }
    throw e;
  }
}

function textOf(result: PyValue, what: string): string {
  if (typeof result !== 'string') throw new DecodeError(`${what}: expected the model's text, got ${result === null ? 'None' : typeof result}`);
  return result;
}

function describe(v: PyValue): string {
  return v === null ? 'None' : Array.isArray(v) ? 'list' : v instanceof PyDict ? 'dict' : typeof v;
}

/** Python iteration over a `tool_calls` value: list items, dict keys or string characters. */
function iterate(v: PyValue): PyValue[] {
  if (Array.isArray(v)) return v;
  if (v instanceof PyDict) return v.keys();
  if (typeof v === 'string') return [...v];
  throw new DecodeError(`xLAM output: "tool_calls" is not iterable (${describe(v)})`);
}

/**
 * BFCL `xLAMHandler.decode_ast` (`convert_to_dict`): the calls as `[{name: arguments}]`.
 * BFCL quirk: text that is not JSON is returned as it is instead of raising, so the checker sees
 * a string ("not function-calling format"; relevance counts it as no call).
 */
export function decodeXlamAst(result: PyValue): PyValue {
  const text = textOf(result, 'decodeXlamAst');
  const data = loads(text);
  if (data === undefined) return text;
  let calls: PyValue;
  if (Array.isArray(data)) calls = data;
  else if (data instanceof PyDict) calls = getOr(data, 'tool_calls', []);
  else throw new DecodeError(`decodeXlamAst: JSON ${describe(data)} has no tool calls`);
  try {
    return iterate(calls)
      .filter((c): c is PyDict => c instanceof PyDict)
      .map((c) => new PyDict([[getOr(c, 'name', ''), getOr(c, 'arguments', new PyDict())]]));
  } catch (e) {
    // An unhashable "name" (a list or a dict) raises TypeError in Python.
    if (e instanceof PyError) throw new DecodeError(`decodeXlamAst: ${e.message}`);
    throw e;
  }
}

/**
 * BFCL `xLAMHandler.decode_execute`: each call → `name(k=repr(v), …)`. Returns the raw text, not a
 * list, when the text is not JSON (BFCL quirk, as in decode_ast; the executable checker then
 * reports the wrong output format).
 */
export function decodeXlamExecute(result: PyValue): string[] | string {
  const text = textOf(result, 'decodeXlamExecute');
  const data = loads(text);
  if (data === undefined) return text;
  let calls: PyValue;
  if (Array.isArray(data)) calls = data;
  else if (data instanceof PyDict) calls = getOr(data, 'tool_calls', []);
  else calls = [];
  const list = Array.isArray(calls) ? calls : [calls];
  const out: string[] = [];
  for (const c of list) {
    if (!(c instanceof PyDict)) continue; // BFCL prints "Invalid format" and skips it
    const name = getOr(c, 'name', '');
    const args = getOr(c, 'arguments', new PyDict());
    if (!(args instanceof PyDict)) throw new DecodeError(`decodeXlamExecute: arguments of ${pyStr(name)} are not an object`);
    out.push(`${pyStr(name)}(${args.entries().map(([k, v]) => `${pyStr(k)}=${pyRepr(v)}`).join(', ')})`);
  }
  return out;
}

/** Python `dict.get(key, default)`: a stored None stays None. */
function getOr(d: PyDict, key: string, dflt: PyValue): PyValue {
  return d.has(key) ? d.get(key)! : dflt;
}

function pyStr(v: PyValue): string {
  return typeof v === 'string' ? v : pyRepr(v);
}
