/**
 * Executing one call string: parse (literal-only, never eval) → look the name up in the registry →
 * bind the arguments like Python → run with a step/time budget → cap the result size.
 * Every failure becomes a value (`ExecOutcome`), never an exception that escapes.
 */
import { PyDict, PyError, PyTuple, type PyValue } from '../../core/pyvalue.js';
import { parsePythonCallString } from '../../decode/python-calls.js';
import { HttpError, NeedsNetworkError, type HttpLayer } from './http.js';
import { bindArguments, Budget, ResourceError, type Registry } from './registry.js';

/** A parsed call: `name(*args, **kwargs)` with literal argument values. */
export interface ParsedCall {
  name: string;
  args: PyValue[];
  kwargs: PyDict;
}

/** Turns one call string into a ParsedCall; throws (any error) when the text is not a literal call. */
export type CallParser = (src: string) => ParsedCall;

export interface ExecLimits {
  /** Wall-clock limit per call (ms). */
  timeMs: number;
  /** Loop-step budget per call. */
  maxSteps: number;
  /** Maximum size of one result (values counted: every list item, dict entry, and string chars / 64). */
  maxResultSize: number;
  /** Maximum length of one call string. */
  maxCallLength: number;
}

export const DEFAULT_LIMITS: ExecLimits = Object.freeze({ timeMs: 2000, maxSteps: 5_000_000, maxResultSize: 1_000_000, maxCallLength: 100_000 });

export type ExecOutcome =
  | { ok: true; value: PyValue }
  | { ok: false; error: string; needsNetwork?: true; kind: 'parse' | 'name' | 'python' | 'resource' | 'network' | 'internal' };

export interface ExecOptions {
  registry: Registry;
  /** Defaults to the literal-only Python call parser of src/decode. */
  parseCall?: CallParser;
  limits?: Partial<ExecLimits>;
  http?: HttpLayer;
  signal?: AbortSignal;
}

/** Python's `str(exception)` of one of our errors. */
export function exceptionText(e: unknown): string {
  if (e instanceof PyError) {
    const prefix = `${e.pyType}: `;
    const msg = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
    return e.pyType === 'KeyError' ? msg : msg;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

function resultSize(v: PyValue, limit: number): number {
  let n = 0;
  const stack: PyValue[] = [v];
  while (stack.length > 0) {
    const x = stack.pop()!;
    n++;
    if (typeof x === 'string') n += x.length >> 6;
    else if (Array.isArray(x)) stack.push(...x);
    else if (x instanceof PyTuple) stack.push(...x.items);
    else if (x instanceof PyDict) for (const [k, y] of x.entries()) stack.push(k, y);
    if (n > limit) return n;
  }
  return n;
}

/** Python `list(result)` when the result is a tuple (BFCL converts top-level tuples). */
export function tupleToList(v: PyValue): PyValue {
  return v instanceof PyTuple ? [...v.items] : v;
}

/** Execute one call string. Never throws. */
export async function executeCall(callText: string, opts: ExecOptions): Promise<ExecOutcome> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  if (callText.length > limits.maxCallLength) return { ok: false, kind: 'resource', error: `call text longer than ${limits.maxCallLength} characters` };
  let call: ParsedCall;
  try {
    call = (opts.parseCall ?? parsePythonCallString)(callText);
  } catch (e) {
    return { ok: false, kind: 'parse', error: `not a literal function call: ${exceptionText(e)}` };
  }
  const fn = opts.registry.get(call.name);
  if (!fn) return { ok: false, kind: 'name', error: `name '${call.name}' is not defined` };
  const budget = new Budget(limits.maxSteps, limits.timeMs);
  let timer: NodeJS.Timeout | undefined;
  try {
    const bound = bindArguments(fn, call.args, call.kwargs);
    const ctx = { budget, ...(opts.http ? { http: opts.http } : {}), ...(opts.signal ? { signal: opts.signal } : {}) };
    let value = fn.impl(bound, ctx);
    if (value instanceof Promise) {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ResourceError(`time limit of ${limits.timeMs} ms exceeded`)), limits.timeMs);
      });
      value = await Promise.race([value, timeout]);
    }
    const out = tupleToList(value);
    if (resultSize(out, limits.maxResultSize) > limits.maxResultSize) return { ok: false, kind: 'resource', error: `result larger than ${limits.maxResultSize} values` };
    return { ok: true, value: out };
  } catch (e) {
    if (e instanceof NeedsNetworkError) return { ok: false, kind: 'network', needsNetwork: true, error: e.message };
    if (e instanceof ResourceError) return { ok: false, kind: 'resource', error: exceptionText(e) };
    if (e instanceof PyError || e instanceof HttpError) return { ok: false, kind: 'python', error: exceptionText(e) };
    if (e instanceof RangeError) return { ok: false, kind: 'resource', error: `resource limit: ${e.message}` };
    return { ok: false, kind: 'internal', error: `internal error: ${exceptionText(e)}` };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
