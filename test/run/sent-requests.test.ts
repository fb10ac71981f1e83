/**
 * Prompt fidelity from the wire: the real generate path (model config → backend → HTTP) is run
 * against the recording test server for exactly the entries of the expected payloads
 * (../shared/prompts/expected-dev.jsonl, 155 entries x 4 formats; FCBENCH_EXPECTED_REQUESTS=FILE
 * checks another set made the same way, e.g. the held-out one), and every recorded request body is
 * compared with the official payload: every string in `messages` / `prompt` / `tools` identical,
 * tools equal by value (int/float/bool kept apart), sampling as BFCL sends it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePyJson } from '../../src/core/pyjson.js';
import { PyDict, PyFloat, pyDeepCopy, type PyValue } from '../../src/core/pyvalue.js';
import { generate, type GenerateOptions } from '../../src/run/generate.js';
import { startOpenAIServer, type TestServer } from '../fixtures/openai-server.js';
import { BFCL_DATA, PROMPTS_DEV } from '../fixtures/paths.js';
import { loadExpectedRequests, strictDiff, type ExpectedRequest } from '../formats/expected-requests.js';

const FILE = process.env['FCBENCH_EXPECTED_REQUESTS'] ?? PROMPTS_DEV;
const records = loadExpectedRequests(FILE);
/** meta.needle of each record (its longest first-turn user message), by format and id. */
const needles = new Map<string, string>(
  readFileSync(FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; format: string; meta?: { needle?: string } })
    .map((d) => [`${d.format} ${d.id}`, d.meta?.needle ?? ''] as [string, string]),
);

/** How each format is generated: the shipped model configs where one exists, else flags. */
const RUNS: Record<string, { model: string; overrides: NonNullable<GenerateOptions['overrides']>; path: string }> = {
  'bfcl-prompt': { model: 'gpt-4o-2024-11-20', overrides: {}, path: '/v1/chat/completions' },
  'openai-fc': { model: 'gpt-4o-2024-11-20-FC', overrides: {}, path: '/v1/chat/completions' },
  xlam: { model: 'xLAM-1b-fc-r', overrides: {}, path: '/v1/chat/completions' },
  'xlam-bfcl-v1': { model: 'xlam-v1-wire-test', overrides: { format: 'xlam-bfcl-v1', endpoint: 'completions', temperature: 0.001, topP: 1, maxTokens: 1200 }, path: '/v1/completions' },
};

let server: TestServer;
beforeAll(async () => {
  server = await startOpenAIServer({ latencyMs: 0, lifetimeMs: 60_000, script: () => ({ kind: 'answer', text: '[]' }) });
});
afterAll(async () => {
  await server?.close();
});

const num = (v: PyValue | undefined): number | undefined => (v instanceof PyFloat ? v.value : typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined);

/** The differences between one sent body and one expected payload, or null. */
function bodyDiff(format: string, body: PyDict, expected: PyDict): string | null {
  for (const key of ['messages', 'prompt', 'tools']) {
    const want = expected.get(key);
    const got = body.get(key);
    if (want === undefined && got === undefined) continue;
    if (want === undefined) return `${key} sent but not expected`;
    if (got === undefined) return `${key} expected but not sent`;
    const d = strictDiff(got, want, key);
    if (d) return d;
  }
  if (num(body.get('temperature')) !== 0.001) return `temperature ${String(body.get('temperature'))}, expected 0.001`;
  if (num(body.get('top_p')) !== 1) return `top_p ${String(body.get('top_p'))}, expected 1`;
  if (format === 'xlam-bfcl-v1' && num(body.get('max_tokens')) !== 1200) return `max_tokens ${String(body.get('max_tokens'))}, expected 1200`;
  return null;
}

/** All the text of a body the needle may sit in. */
function bodyText(body: PyDict): string {
  const prompt = body.get('prompt');
  if (typeof prompt === 'string') return prompt;
  const messages = (body.get('messages') as PyValue[] | undefined) ?? [];
  return messages.map((m) => String((m as PyDict).get('content'))).join('\n');
}

/** Pairs each sent body with an expected payload of the format (each used once); the failures. */
function matchBodies(format: string, bodies: PyDict[], expected: ExpectedRequest[]): { matched: number; failures: string[] } {
  const open = new Set(expected);
  const failures: string[] = [];
  let matched = 0;
  for (const body of bodies) {
    const text = bodyText(body);
    const candidates = [...open].filter((r) => text.includes(needles.get(`${format} ${r.id}`) ?? '\u0000'));
    const exact = candidates.find((r) => bodyDiff(format, body, r.request) === null);
    if (exact) {
      open.delete(exact);
      matched++;
      continue;
    }
    failures.push(candidates.length === 0 ? `a sent body matches no expected entry: ${JSON.stringify(text.slice(0, 160))}` : `${candidates[0]!.id} [${candidates[0]!.features.join(',')}]: ${bodyDiff(format, body, candidates[0]!.request)}`);
  }
  for (const r of open) failures.push(`${r.id}: no sent body matches it`);
  return { matched, failures };
}

describe('request bodies sent by fcbench generate equal the official payloads', () => {
  for (const [format, run] of Object.entries(RUNS)) {
    it(`${format}: every recorded HTTP body`, async () => {
      const expected = records.filter((r) => r.format === format);
      expect(expected.length).toBeGreaterThan(0);
      const from = server.requests.length;
      const summary = await generate({
        model: run.model,
        overrides: { ...run.overrides, baseUrl: server.url, concurrency: 64, maxAttempts: 1, timeout: 30 },
        ids: expected.map((r) => r.id),
        dataDir: BFCL_DATA,
        resultsDir: mkdtempSync(join(tmpdir(), `fcbench-wire-${format}-`)),
        progress: 'off',
        log: () => {},
        env: {},
      });
      expect(summary.exitCode).toBe(0);
      expect(summary.counts).toMatchObject({ selected: expected.length, generated: expected.length, inferenceErrors: 0 });
      const posts = server.requests.slice(from).filter((q) => q.method === 'POST');
      expect(posts.map((q) => q.path).filter((p) => p !== run.path)).toEqual([]);
      expect(posts).toHaveLength(expected.length);
      const { matched, failures } = matchBodies(format, posts.map((q) => parsePyJson(q.text) as PyDict), expected);
      expect(failures).toEqual([]);
      expect(matched).toBe(expected.length);
      console.log(`sent-requests ${format}: ${matched}/${expected.length} recorded bodies identical to the official payloads`);
    });
  }

  it('covers every record of the file', () => {
    expect(records.filter((r) => r.format in RUNS)).toHaveLength(records.length);
    if (FILE === PROMPTS_DEV) expect(records).toHaveLength(620);
  });

  it('the comparison notices a one-character difference in a sent body', () => {
    const r = records.find((x) => x.format === 'openai-fc' && x.request.get('tools') !== undefined)!;
    const body = new PyDict([['messages', r.request.get('messages')!], ['tools', r.request.get('tools')!], ['temperature', new PyFloat(0.001)], ['top_p', new PyFloat(1)]]);
    expect(bodyDiff('openai-fc', body, r.request)).toBeNull();
    const changed = pyDeepCopy(r.request.get('messages')!) as PyValue[];
    const last = changed[changed.length - 1] as PyDict;
    last.set('content', String(last.get('content')) + ' ');
    body.set('messages', changed);
    expect(bodyDiff('openai-fc', body, r.request)).toMatch(/^messages\[\d+\]\.content/);
  });
});
