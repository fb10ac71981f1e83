/** The expected request payloads (../shared/prompts/expected-dev.jsonl) and a strict comparison of ours against them. */
import { readFileSync } from 'node:fs';
import { parsePyJson } from '../../src/core/pyjson.js';
import { PyDict, PyFloat, PyTuple, pyTypeName, type PyValue } from '../../src/core/pyvalue.js';
import type { ModelRequest } from '../../src/core/format.js';
import { PROMPTS_DEV } from '../fixtures/paths.js';

export interface ExpectedRequest {
  id: string;
  category: string;
  format: string;
  request: PyDict;
  features: string[];
}

export function loadExpectedRequests(file = PROMPTS_DEV): ExpectedRequest[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const d = parsePyJson(l) as PyDict;
      const meta = (d.get('meta') as PyDict | undefined) ?? new PyDict();
      return {
        id: d.get('id') as string,
        category: d.get('category') as string,
        format: d.get('format') as string,
        request: d.get('request') as PyDict,
        features: (meta.get('features') as string[] | undefined) ?? [],
      };
    });
}

/** Where two values differ (same Python type, same keys, identical strings, same numbers), or null. */
export function strictDiff(a: PyValue, b: PyValue, path = '$'): string | null {
  const ta = pyTypeName(a);
  const tb = pyTypeName(b);
  if (ta !== tb) return `${path}: ${ta} vs ${tb}`;
  if (typeof a === 'string') return a === b ? null : `${path}: ${JSON.stringify(a).slice(0, 200)} vs ${JSON.stringify(b).slice(0, 200)}`;
  if (a instanceof PyFloat) return Object.is(a.value, (b as PyFloat).value) ? null : `${path}: ${a.value} vs ${(b as PyFloat).value}`;
  if (Array.isArray(a) || a instanceof PyTuple) {
    const xs = Array.isArray(a) ? a : a.items;
    const ys = Array.isArray(b) ? b : (b as PyTuple).items;
    if (xs.length !== ys.length) return `${path}: length ${xs.length} vs ${ys.length}`;
    for (let i = 0; i < xs.length; i++) {
      const d = strictDiff(xs[i]!, ys[i]!, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a instanceof PyDict) {
    const bd = b as PyDict;
    const ka = a.keys().map(String).sort();
    const kb = bd.keys().map(String).sort();
    if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
    for (const [k, v] of a) {
      const d = strictDiff(v, bd.get(k)!, `${path}.${String(k)}`);
      if (d) return d;
    }
    return null;
  }
  return a === b || (typeof a === 'bigint' && BigInt(a) === BigInt(b as bigint)) ? null : `${path}: ${String(a)} vs ${String(b)}`;
}

/** Compare what we would send with an expected payload: `messages`, `prompt` and `tools` only. */
export function requestDiff(ours: ModelRequest, expected: PyDict): string | null {
  if (ours.kind === 'completion') {
    const prompt = expected.get('prompt');
    if (typeof prompt !== 'string') return 'expected a chat request, built a completion prompt';
    return strictDiff(ours.prompt, prompt, 'prompt');
  }
  const messages = expected.get('messages');
  if (messages === undefined) return 'expected a completion prompt, built a chat request';
  const mine: PyValue = ours.messages.map((m) => new PyDict([['role', m.role], ['content', m.content]]));
  const d = strictDiff(mine, messages, 'messages');
  if (d) return d;
  const tools = expected.get('tools');
  if (tools === undefined) return ours.tools === undefined ? null : 'tools sent but none expected';
  if (ours.tools === undefined) return 'no tools sent but tools expected';
  return strictDiff(ours.tools, tools, 'tools');
}
