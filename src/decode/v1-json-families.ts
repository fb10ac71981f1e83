/**
 * The BFCL v1 handlers whose outputs are JSON rather than Python call text (bfcl-spec-v1.md §5.4):
 * Gemini parts, Cohere FC objects, Hermes `<tool_call>` lines, Granite `<function_call>` pieces and
 * GLM's two-line answers. Each returns what the handler's decode_ast / decode_execute returned.
 */
import { DecodeError, type Language } from '../core/format.js';
import { JsonParseError, parsePyJson } from '../core/pyjson.js';
import { pyRepr, pyStr } from '../core/pyrepr.js';
import { PyDict, PyError, type PyValue } from '../core/pyvalue.js';
import { resultText } from './v1-prepare.js';

/** Python `json.loads`; JSONDecodeError → DecodeError. */
export function jsonLoads(text: string): PyValue {
  try {
    return parsePyJson(text);
  } catch (e) {
    if (e instanceof JsonParseError) throw new DecodeError(`json.decoder.JSONDecodeError: ${e.message}`);
    throw e;
  }
}

/** Python iteration over a stored result: list items, or string characters (which then fail). */
function items(result: PyValue, what: string): PyValue[] {
  if (Array.isArray(result)) return result;
  if (typeof result === 'string') {
    if (result === '') return [];
    throw new DecodeError(`${what}: the model answered with text, not calls`);
  }
  throw new DecodeError(`${what}: expected a list of calls, got ${result === null ? 'None' : typeof result}`);
}

/** `name(k=repr(v),…)` per key of a `{name: {args}}` object (v1 RENDER, arguments joined without a space). */
export function renderCalls(calls: readonly PyValue[], sep = ','): string[] {
  const out: string[] = [];
  for (const c of calls) {
    if (!(c instanceof PyDict)) throw new DecodeError(`AttributeError: '${typeof c === 'string' ? 'str' : 'object'}' object has no attribute 'items'`);
    for (const [name, args] of c) {
      if (!(args instanceof PyDict)) throw new DecodeError(`AttributeError: arguments of ${pyStr(name)} are not an object`);
      out.push(`${pyStr(name)}(${args.entries().map(([k, v]) => `${pyStr(k)}=${pyRepr(v)}`).join(sep)})`);
    }
  }
  return out;
}

/** F4 Cohere FC decode_ast: `[{name: {params}}]` as stored (no JSON parsing, no string conversion). */
export function decodeCohereFcAst(result: PyValue): PyValue {
  return items(result, 'Cohere FC').map((c) => {
    if (!(c instanceof PyDict) || c.size === 0) throw new DecodeError('Cohere FC: a call is not a {name: params} object');
    const [name, params] = c.entries()[0]!;
    return new PyDict([[name, params]]);
  });
}

/** F4 Cohere FC decode_execute: the stored objects rendered. */
export function decodeCohereFcExecute(result: PyValue): string[] {
  return renderCalls(items(result, 'Cohere FC'));
}

/** F3 Gemini: a non-list result is wrapped in a list (so a text answer becomes a string part, which fails). */
export function geminiParts(result: PyValue): PyValue {
  return Array.isArray(result) ? result : [result];
}

/** The JSON object of one Hermes `<tool_call>` line, as `{name: arguments}`. */
function hermesCall(line: string, language: Language | 'exec'): PyDict {
  // BFCL quirk (v1): every ' becomes ", so apostrophes inside values break the JSON.
  const data = jsonLoads(line.replaceAll("'", '"'));
  if (!(data instanceof PyDict)) throw new DecodeError('Hermes: a <tool_call> line is not a JSON object');
  const name = data.get('name');
  const args = data.get('arguments');
  if (name === undefined || args === undefined) throw new DecodeError(`KeyError: '${name === undefined ? 'name' : 'arguments'}'`);
  if ((language === 'java' || language === 'javascript') && args instanceof PyDict) {
    // BFCL quirk (v1): Java/JS argument values become Python str() of the JSON value (True, ['a', 'b']).
    const converted = new PyDict();
    for (const [k, v] of args) converted.set(k, pyStr(v));
    return wrap(name, converted);
  }
  return wrap(name, args);
}

function wrap(name: PyValue, args: PyValue): PyDict {
  try {
    return new PyDict([[name, args]]);
  } catch (e) {
    if (e instanceof PyError) throw new DecodeError(e.message);
    throw e;
  }
}

/** F10 Hermes: the first line after each `<tool_call>` line; no tag lines → []. */
export function decodeHermes(result: PyValue, language: Language | 'exec'): PyDict[] {
  const text = resultText(result);
  const out: PyDict[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (line === '<tool_call>') {
      inside = true;
    } else if (line === '</tool_call>') {
      inside = false;
    } else if (inside) {
      out.push(hermesCall(line, language));
      // BFCL quirk (v1): the flag is cleared after the first non-tag line, so a multi-line JSON fails.
      inside = false;
    }
  }
  return out;
}

/** Python `str.strip()` of whitespace. */
function strip(s: string): string {
  return s.replace(/^\s+|\s+$/g, '');
}

interface GranitePiece {
  call?: { name: string; args: PyValue };
  text?: string;
}

function granitePieces(result: PyValue): GranitePiece[] {
  const text = resultText(result);
  const out: GranitePiece[] = [];
  for (const raw of text.split('<function_call>')) {
    const piece = strip(raw);
    if (piece === '') continue;
    let data: PyValue;
    try {
      data = parsePyJson(piece);
    } catch (e) {
      if (!(e instanceof JsonParseError)) throw e;
      // BFCL quirk (v1): a piece that is not JSON stays in the output as its text.
      out.push({ text: piece });
      continue;
    }
    if (!(data instanceof PyDict)) throw new DecodeError("AttributeError: the <function_call> JSON is not an object ('get')");
    const nameValue = data.has('name') ? data.get('name')! : '';
    if (typeof nameValue !== 'string') throw new DecodeError("AttributeError: the function name has no attribute 'strip'");
    const name = strip(nameValue);
    if (name === 'no_function') out.push({ text: 'No function is called' });
    else out.push({ call: { name, args: data.has('arguments') ? data.get('arguments')! : new PyDict() } });
  }
  return out;
}

/** F16 Granite decode_ast: calls as `{name: arguments}`, other pieces as strings. */
export function decodeGraniteAst(result: PyValue): PyValue[] {
  return granitePieces(result).map((p) => (p.call ? new PyDict([[p.call.name, p.call.args]]) : p.text!));
}

/** F16 Granite decode_execute: call strings; text pieces stay as strings (later executed as code, and fail). */
export function decodeGraniteExecute(result: PyValue): string[] {
  return granitePieces(result).map((p) => {
    if (!p.call) return p.text!;
    const args = p.call.args;
    if (!(args instanceof PyDict)) throw new DecodeError(`AttributeError: arguments of ${p.call.name} are not an object`);
    return `${p.call.name}(${args.entries().map(([k, v]) => `${pyStr(k)}=${pyRepr(v)}`).join(',')})`;
  });
}

/** F17 GLM decode_ast: one line → [line]; two or more → [{line0: json(line1)}] (only the first call). */
export function decodeGlmAst(result: PyValue): PyValue[] {
  const lines = resultText(result).split('\n');
  if (lines.length === 1) return [lines[0]!];
  return [new PyDict([[lines[0]!, jsonLoads(lines[1]!)]])];
}

/** F17 GLM decode_execute. */
export function decodeGlmExecute(result: PyValue): string[] {
  const lines = resultText(result).split('\n');
  // BFCL quirk (v1): a one-line answer is iterated as a string of characters and fails.
  if (lines.length === 1) throw new DecodeError('GLM: a one-line answer holds no call');
  const args = jsonLoads(lines[1]!);
  return renderCalls([new PyDict([[lines[0]!, args]])]);
}
