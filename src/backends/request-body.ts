/** Request bodies written as Python-typed JSON so numbers in tool schemas keep int vs float. */
import { dumpsPyJson } from '../core/pyjson.js';
import { PyDict, PyFloat, type PyValue } from '../core/pyvalue.js';
import type { Sampling } from '../core/format.js';

/** The sampling keys of a request body: `temperature` and `top_p` as floats (as Python sends them). */
export function samplingEntries(s: Sampling): Array<[string, BodyValue]> {
  const out: Array<[string, BodyValue]> = [
    ['temperature', new PyFloat(s.temperature)],
    ['top_p', new PyFloat(s.topP)],
  ];
  if (s.maxTokens !== undefined) out.push(['max_tokens', s.maxTokens]);
  if (s.seed !== undefined) out.push(['seed', s.seed]);
  if (s.stop !== undefined && s.stop.length > 0) out.push(['stop', s.stop]);
  return out;
}

/**
 * Compact JSON like httpx sends (`,` and `:` separators, UTF-8 kept). Plain strings and
 * string-only records (chat messages) go through JSON.stringify, which escapes exactly what
 * Python's json.dumps(ensure_ascii=False) escapes and is much faster on long prompts; Python
 * values (tools, floats) go through dumpsPyJson so int vs float is kept.
 */
export function bodyText(entries: Array<[string, BodyValue]>): string {
  const parts = entries.map(([k, v]) => `${JSON.stringify(k)}:${isPlain(v) ? JSON.stringify(v.plain) : dumpsPyJson(v, COMPACT)}`);
  return `{${parts.join(',')}}`;
}

const COMPACT = { separators: [',', ':'] as [string, string], ensureAscii: false };

/** A value that is already plain JSON (strings, records of strings). */
export interface Plain {
  plain: string | Array<Record<string, string>>;
}

export type BodyValue = PyValue | Plain;

function isPlain(v: BodyValue): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'plain' in v && !(v instanceof PyDict);
}
