/** Request bodies written as Python-typed JSON so numbers in tool schemas keep int vs float. */
import { dumpsPyJson } from '../core/pyjson.js';
import { PyDict, PyFloat, type PyValue } from '../core/pyvalue.js';
import type { Sampling } from '../core/format.js';

/** The sampling keys of a request body: `temperature` and `top_p` as floats (as Python sends them). */
export function samplingEntries(s: Sampling): Array<[string, PyValue]> {
  const out: Array<[string, PyValue]> = [
    ['temperature', new PyFloat(s.temperature)],
    ['top_p', new PyFloat(s.topP)],
  ];
  if (s.maxTokens !== undefined) out.push(['max_tokens', s.maxTokens]);
  if (s.seed !== undefined) out.push(['seed', s.seed]);
  if (s.stop !== undefined && s.stop.length > 0) out.push(['stop', s.stop]);
  return out;
}

/** Compact JSON like httpx sends (`,` and `:` separators, UTF-8 kept). */
export function bodyText(entries: Array<[string, PyValue]>): string {
  return dumpsPyJson(new PyDict(entries), { separators: [',', ':'], ensureAscii: false });
}
