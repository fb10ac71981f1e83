/**
 * Decoding stored function-calling results (bfcl-spec.md §4.2): the result is
 * `[{name: argumentsJson}, …]` when the model called tools, or the model's text when it did not.
 */
import { DecodeError } from '../core/format.js';
import { JsonParseError, parsePyJson } from '../core/pyjson.js';
import { pyRepr } from '../core/pyrepr.js';
import { PyDict, type PyValue } from '../core/pyvalue.js';

/** The calls of a stored FC result; a text result is not iterable as calls. */
function callsOf(result: PyValue, what: string): PyValue[] {
  // BFCL quirk: the handler iterates the result; iterating an empty string yields nothing, so an
  // empty text answer decodes to [] while any other text raises.
  if (result === '') return [];
  if (typeof result === 'string') throw new DecodeError(`${what}: the model answered with text, not tool calls`);
  if (!Array.isArray(result)) throw new DecodeError(`${what}: expected a list of tool calls, got ${result === null ? 'None' : typeof result}`);
  return result;
}

function argumentsOf(args: PyValue, name: string, what: string): PyValue {
  if (typeof args !== 'string') return args;
  try {
    return parsePyJson(args);
  } catch (e) {
    if (e instanceof JsonParseError) throw new DecodeError(`${what}: arguments of ${name} are not valid JSON: ${e.message}`);
    throw e;
  }
}

/** BFCL `decode_ast` of the OpenAI FC handler: `[{name: argsJson}]` → `[{name: {arg: value}}]` (numbers keep int vs float). */
export function decodeToolCalls(result: PyValue): PyValue[] {
  return callsOf(result, 'decodeToolCalls').map((call, i) => {
    if (!(call instanceof PyDict) || call.size === 0) throw new DecodeError(`decodeToolCalls: call ${i} is not a {name: arguments} object`);
    const [name, args] = call.entries()[0]!;
    if (typeof args !== 'string') throw new DecodeError(`decodeToolCalls: arguments of call ${i} are not a JSON string`);
    return new PyDict([[name, argumentsOf(args, String(name), 'decodeToolCalls')]]);
  });
}

/**
 * BFCL `convert_to_function_call`: each call → `name(k=repr(v),…)`, arguments joined by "," with no
 * space. Every key of every call object is a call; a single call object is accepted as a list of one.
 */
export function toolCallsToExecute(result: PyValue): string[] {
  const calls = result instanceof PyDict ? [result] : callsOf(result, 'toolCallsToExecute');
  const out: string[] = [];
  calls.forEach((call, i) => {
    if (!(call instanceof PyDict)) throw new DecodeError(`toolCallsToExecute: call ${i} is not a {name: arguments} object`);
    for (const [name, raw] of call) {
      const args = argumentsOf(raw, String(name), 'toolCallsToExecute');
      if (!(args instanceof PyDict)) throw new DecodeError(`toolCallsToExecute: arguments of ${String(name)} are not an object`);
      out.push(`${pyStrKey(name)}(${args.entries().map(([k, v]) => `${pyStrKey(k)}=${pyRepr(v)}`).join(',')})`);
    }
  });
  return out;
}

/** Python f-string rendering of a key (`str()`). */
function pyStrKey(k: PyValue): string {
  return typeof k === 'string' ? k : pyRepr(k);
}
