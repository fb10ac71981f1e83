/** The expected request payloads (../shared/prompts/expected-dev.jsonl) and a strict comparison of ours against them. */
import { readFileSync } from 'node:fs';
import { parsePyJson } from '../../src/core/pyjson.js';
import { PyDict, type PyValue } from '../../src/core/pyvalue.js';
import type { ModelRequest } from '../../src/core/format.js';
import { PROMPTS_DEV } from '../fixtures/paths.js';
import { strictDiff as strictDiffOf } from '../fixtures/strict-diff.js';

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

/** Where two values differ (see test/fixtures/strict-diff.ts; dict keys in any order), or null. */
export function strictDiff(a: PyValue, b: PyValue, path = '$'): string | null {
  return strictDiffOf(a, b, path, { keyOrder: false });
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
