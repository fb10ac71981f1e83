import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Format } from '../../src/core/format.js';
import { UserError } from '../../src/core/errors.js';
import { generate, type GenerateOptions } from '../../src/run/generate.js';
import { xlam } from '../../src/formats/xlam.js';
import { startOpenAIServer, type Action, type TestServer } from '../fixtures/openai-server.js';
import { BFCL_DATA } from '../fixtures/paths.js';

/** A format whose request is the entry id, so the test server can answer per entry. */
const echoFormat: Format = {
  name: 'echo-test',
  underscoreToDot: false,
  request: (c) => ({ kind: 'chat', messages: [{ role: 'user', content: c.id }] }),
  resultOf: (r) => r.text ?? '',
  decodeAst: (v) => v,
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const idOf = (r: { json: Record<string, unknown> | undefined }): string => ((r.json?.['messages'] as Array<{ content: string }>)[0]!).content;
const indexOf = (id: string): number => Number(id.slice(id.lastIndexOf('_') + 1));

function opts(url: string, results: string, extra: Partial<GenerateOptions> = {}): GenerateOptions {
  return {
    model: 'test/model',
    overrides: { baseUrl: url, format: 'echo-test', concurrency: 16, timeout: 1, maxAttempts: 3 },
    categories: ['simple_python'],
    dataDir: BFCL_DATA,
    resultsDir: results,
    format: echoFormat,
    retry: { initialDelayMs: 5, maxDelayMs: 20 },
    progress: 'off',
    log: () => {},
    ...extra,
  };
}

function readLines(results: string, category = 'simple_python'): Array<Record<string, unknown>> {
  const text = readFileSync(join(results, 'test_model', 'non_live', `BFCL_v4_${category}_result.json`), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function expectOneLineEach(lines: Array<Record<string, unknown>>, n: number): void {
  const ids = lines.map((l) => l['id'] as string);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(Array.from({ length: n }, (_, i) => `simple_python_${i}`));
}

describe('generate against a misbehaving endpoint', () => {
  it('every entry ends with exactly one line, whatever the endpoint does; --rerun-errors replaces only the errors', async () => {
    const tries = new Map<string, number>();
    let healthy = false;
    server = await startOpenAIServer({
      script: (r): Action => {
        const id = idOf(r);
        const k = (tries.get(id) ?? 0) + 1;
        tries.set(id, k);
        if (healthy) return { kind: 'answer', text: `answer ${id}` };
        switch (indexOf(id) % 7) {
          case 0: return k === 1 ? { kind: 'status', status: 500 } : { kind: 'answer', text: `answer ${id}` };
          case 1: return k === 1 ? { kind: 'status', status: 429, headers: { 'retry-after-ms': '10' } } : { kind: 'answer', text: `answer ${id}` };
          case 2: return k === 1 ? { kind: 'drop' } : { kind: 'answer', text: `answer ${id}` };
          case 3: return { kind: 'malformed' }; // every attempt: ends as an inference error
          case 4: return k === 1 ? { kind: 'hang' } : { kind: 'answer', text: `answer ${id}`, delayMs: 5 };
          case 5: return { kind: 'status', status: 400, body: { error: { message: 'prompt too long' } } };
          default: return { kind: 'answer', text: `answer ${id}` };
        }
      },
    });
    const results = mkdtempSync(join(tmpdir(), 'fcbench-gen-'));
    const first = await generate(opts(server.url, results, { limit: 70 }));
    const lines = readLines(results);
    expectOneLineEach(lines, 70);
    const errors = lines.filter((l) => l['inference_error'] === true);
    const expected = lines.filter((l) => [3, 5].includes(indexOf(l['id'] as string) % 7)).map((l) => l['id']);
    expect(errors.map((l) => `${l['id']} ${l['traceback']}`).filter((t) => !expected.includes(t.split(' ')[0]))).toEqual([]);
    expect(errors).toHaveLength(20);
    for (const l of errors) expect(l['result']).toMatch(/^Error during inference: /);
    for (const l of lines.filter((l) => l['inference_error'] !== true)) {
      expect(l['result']).toBe(`answer ${l['id']}`);
      expect(l).toMatchObject({ input_token_count: 10, output_token_count: 5 });
    }
    expect(first.exitCode).toBe(3);
    expect(first.counts).toMatchObject({ selected: 70, generated: 70, inferenceErrors: 20, errorsRemaining: 20, missing: 0 });

    // Same command again: nothing to do, errors remain (exit 3), nothing sent.
    const posts = (): number => server!.requests.filter((q) => q.method === 'POST').length;
    const before = posts();
    const again = await generate(opts(server.url, results, { limit: 70 }));
    expect(posts()).toBe(before);
    expect(again.exitCode).toBe(3);

    healthy = true;
    const rerun = await generate(opts(server.url, results, { limit: 70, rerunErrors: true }));
    expect(posts() - before).toBe(20);
    expect(rerun.exitCode).toBe(0);
    const after = readLines(results);
    expectOneLineEach(after, 70);
    expect(after.every((l) => l['result'] === `answer ${l['id']}`)).toBe(true);

    const manifest = JSON.parse(readFileSync(first.manifest, 'utf8')) as { runs: Array<Record<string, any>> };
    expect(manifest.runs).toHaveLength(3);
    expect(manifest.runs[0]!['dataset'].files['BFCL_v4_simple_python.json']).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.runs[0]!['endpoint'].models).toMatchObject({ data: [{ id: 'test-model' }] });
    expect(manifest.runs[2]!['counts']).toMatchObject({ alreadyDone: 50, generated: 20, errorsRemaining: 0 });
  });

  it('resumes: only the entries without a line are sent', async () => {
    server = await startOpenAIServer();
    const results = mkdtempSync(join(tmpdir(), 'fcbench-gen-'));
    await generate(opts(server.url, results, { limit: 10 }));
    expect(server.count()).toBe(10 + 1); // + GET /models
    const r = await generate(opts(server.url, results, { limit: 25 }));
    expect(server.requests.filter((q) => q.method === 'POST').map(idOf).slice(10).sort()).toEqual(Array.from({ length: 15 }, (_, i) => `simple_python_${i + 10}`).sort());
    expect(r.counts).toMatchObject({ alreadyDone: 10, generated: 15 });
    expectOneLineEach(readLines(results), 25);
  });

  it('resuming with other sampling settings and allowMixedSettings warns that the file mixes them', async () => {
    server = await startOpenAIServer();
    const results = mkdtempSync(join(tmpdir(), 'fcbench-gen-'));
    await generate(opts(server.url, results, { limit: 3 }));
    const notes: string[] = [];
    const progress = { start() {}, tick() {}, stop() {}, note: (m: string) => notes.push(m) };
    await generate(opts(server.url, results, { limit: 5, progress, allowMixedSettings: true, overrides: { baseUrl: server.url, format: 'echo-test', temperature: 0.7 } }));
    expect(notes.join('\n')).toMatch(/warning: .*temperature 0\.001 → 0\.7/);
    expect(server.requests.filter((q) => q.method === 'POST').map((q) => q.json!['temperature'])).toEqual([0.001, 0.001, 0.001, 0.7, 0.7]);
  });

  it('an unreachable endpoint: every entry recorded as an inference error, exit 3, nothing lost', async () => {
    const s = await startOpenAIServer();
    const url = s.url;
    await s.close();
    const results = mkdtempSync(join(tmpdir(), 'fcbench-gen-'));
    const r = await generate(opts(url, results, { limit: 12, overrides: { baseUrl: url, format: 'echo-test', concurrency: 4, maxAttempts: 2 } }));
    expect(r.exitCode).toBe(3);
    const lines = readLines(results);
    expectOneLineEach(lines, 12);
    for (const l of lines) {
      expect(l['inference_error']).toBe(true);
      expect(l['result']).toMatch(/^Error during inference: connection error.*ECONNREFUSED/);
    }
  });

  it('a wrong API key (401) stops the run with a clear message and writes no error lines', async () => {
    server = await startOpenAIServer({ script: () => ({ kind: 'status', status: 401, body: { error: { message: 'Incorrect API key provided: sk-bad' } } }) });
    const results = mkdtempSync(join(tmpdir(), 'fcbench-gen-'));
    const e = await generate(opts(server.url, results, { limit: 50 })).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).exitCode).toBe(2);
    expect((e as UserError).message).toMatch(/401 Incorrect API key provided.*refused the API key/s);
    expect(server.requests.filter((q) => q.method === 'POST').length).toBeLessThanOrEqual(16);
    expect(readFileSync(join(results, 'test_model', 'non_live', 'BFCL_v4_simple_python_result.json'), 'utf8')).toBe('');
  });

  it('a graceful stop finishes in-flight entries, sends nothing new, and the next run completes', async () => {
    server = await startOpenAIServer({ latencyMs: 20 });
    const results = mkdtempSync(join(tmpdir(), 'fcbench-gen-'));
    const stop = new AbortController();
    let written = 0;
    const progress = { start() {}, note() {}, stop() {}, tick() { if (++written === 8) stop.abort(new Error('SIGINT')); } };
    const r = await generate(opts(server.url, results, { limit: 40, stop: stop.signal, progress, overrides: { baseUrl: server.url, format: 'echo-test', concurrency: 4 } }));
    expect(r.interrupted).toBe(true);
    expect(r.exitCode).toBe(3);
    const posts = server.requests.filter((q) => q.method === 'POST').length;
    expect(readLines(results)).toHaveLength(posts); // every request that was sent got its line
    expect(posts).toBeLessThan(40);
    const r2 = await generate(opts(server.url, results, { limit: 40 }));
    expect(r2.exitCode).toBe(0);
    expectOneLineEach(readLines(results), 40);
  });

  it('multi-turn and agentic categories are left out (no inference loop yet), never written as single answers', async () => {
    server = await startOpenAIServer();
    const results = mkdtempSync(join(tmpdir(), 'fcbench-gen-'));
    const logged: string[] = [];
    const r = await generate(opts(server.url, results, { categories: ['simple_python,multi_turn_base'], limit: 2, log: (m) => logged.push(m) }));
    expect(r.categories).toEqual(['simple_python']);
    expect(logged.join('\n')).toMatch(/warning: skipping multi_turn_base/);
    await expect(generate(opts(server.url, results, { categories: ['multi_turn'] }))).rejects.toThrow(/cannot generate multi_turn_base.*single_turn/s);
  });

  it('--ids picks entries (categories taken from the ids); an unknown id is bad input', async () => {
    server = await startOpenAIServer();
    const results = mkdtempSync(join(tmpdir(), 'fcbench-gen-'));
    const r = await generate(opts(server.url, results, { categories: [], ids: ['simple_python_3', 'simple_python_1'] }));
    expect(r.categories).toEqual(['simple_python']);
    expect(readLines(results).map((l) => l['id'])).toEqual(['simple_python_1', 'simple_python_3']);
    await expect(generate(opts(server.url, results, { ids: ['simple_python_99999'] }))).rejects.toThrow(/no such entry.*simple_python_99999/);
  });

  it('with the xlam format: the card prompt as one user message, the served name as model, the text as result', async () => {
    server = await startOpenAIServer({ script: () => ({ kind: 'answer', text: '{"tool_calls": [{"name": "calculate_triangle_area", "arguments": {"base": 10, "height": 5}}]}' }) });
    const results = mkdtempSync(join(tmpdir(), 'fcbench-gen-'));
    const r = await generate({ ...opts(server.url, results, { limit: 2 }), model: 'xLAM-7b-fc-r', overrides: { baseUrl: server.url }, format: xlam });
    expect(r.exitCode).toBe(0);
    const req = server.requests.find((q) => q.method === 'POST')!;
    expect(req.json).toMatchObject({ model: 'xLAM-7b-fc-r', temperature: 0.001, top_p: 1 });
    const msgs = req.json!['messages'] as Array<{ role: string; content: string }>;
    expect(msgs).toHaveLength(1);
    expect(msgs[0]!.role).toBe('user');
    expect(msgs[0]!.content.startsWith('[BEGIN OF TASK INSTRUCTION]\nYou are an expert in composing functions.')).toBe(true);
    expect(msgs[0]!.content.endsWith('[END OF QUERY]\n\n')).toBe(true);
    const text = readFileSync(join(results, 'xLAM-7b-fc-r', 'non_live', 'BFCL_v4_simple_python_result.json'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      '{"id": "simple_python_0", "result": "{\\"tool_calls\\": [{\\"name\\": \\"calculate_triangle_area\\", \\"arguments\\": {\\"base\\": 10, \\"height\\": 5}}]}", "input_token_count": 10, "output_token_count": 5, "latency": ' +
        text.split('"latency": ')[1]!.split('}')[0] + '}',
    );
  });
});
