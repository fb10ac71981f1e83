import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIChatBackend } from '../../src/backends/openai-chat.js';
import { OpenAICompletionsBackend } from '../../src/backends/openai-completions.js';
import { InferenceError } from '../../src/backends/inference-error.js';
import { backoffDelay, retryAfterMs, DEFAULT_RETRY } from '../../src/backends/retry.js';
import { PyDict, PyFloat } from '../../src/core/pyvalue.js';
import type { Sampling } from '../../src/core/format.js';
import { startOpenAIServer, type Action, type TestServer } from '../fixtures/openai-server.js';

const sampling: Sampling = { temperature: 0.001, topP: 1 };
const chatReq = { kind: 'chat' as const, messages: [{ role: 'user', content: 'hi' }] };
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function chatWith(actions: Action[], opts: { timeoutMs?: number; maxAttempts?: number; retries?: Array<[string, number]> } = {}) {
  server = await startOpenAIServer({ script: (r) => actions[Math.min(r.n, actions.length - 1)]! });
  const retries = opts.retries;
  return new OpenAIChatBackend('m', {
    baseUrl: server.url,
    apiKey: 'k',
    timeoutMs: opts.timeoutMs ?? 5000,
    retry: { maxAttempts: opts.maxAttempts ?? 4, initialDelayMs: 5, maxDelayMs: 20 },
    ...(retries ? { onRetry: (f, _a, d) => retries.push([f.kind, d]) } : {}),
  });
}

async function failure(p: Promise<unknown>): Promise<InferenceError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(InferenceError);
  return e as InferenceError;
}

describe('openai-chat backend against a real HTTP server', () => {
  it('sends the model, messages, tools and Python-typed sampling, and maps text, tool calls and usage', async () => {
    const b = await chatWith([{ kind: 'answer', text: null, toolCalls: [{ name: 'f', arguments: '{"a": 1.0}' }], usage: { prompt: 812, completion: 14 } }]);
    const tools = [new PyDict([['type', 'function'], ['function', new PyDict([['name', 'f'], ['x', new PyFloat(1)]])]])];
    const reply = await b.send({ ...chatReq, tools }, { temperature: 0.001, topP: 1, maxTokens: 64, seed: 3, stop: ['<|EOT|>'] });
    expect(reply).toMatchObject({ text: null, toolCalls: [{ name: 'f', arguments: '{"a": 1.0}' }], inputTokens: 812, outputTokens: 14, attempts: 1 });
    const r = server!.requests[0]!;
    expect(r.path).toBe('/v1/chat/completions');
    expect(r.headers['authorization']).toBe('Bearer k');
    expect(r.text).toBe(
      '{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","x":1.0}}],"temperature":0.001,"top_p":1.0,"max_tokens":64,"seed":3,"stop":["<|EOT|>"]}',
    );
  });

  it('retries 500s, a dropped connection and a body cut short, then answers', async () => {
    const retries: Array<[string, number]> = [];
    const b = await chatWith([{ kind: 'status', status: 500 }, { kind: 'drop' }, { kind: 'cut-body' }, { kind: 'answer', text: 'ok' }], { retries, timeoutMs: 30_000 });
    const reply = await b.send(chatReq, sampling);
    expect(reply.text).toBe('ok');
    expect(reply.attempts).toBe(4);
    expect(retries.map((r) => r[0])).toEqual(['server', 'connection', 'connection']);
    expect(server!.count()).toBe(4);
  });

  it('waits as long as Retry-After / retry-after-ms asks on 429', async () => {
    const retries: Array<[string, number]> = [];
    const b = await chatWith(
      [
        { kind: 'status', status: 429, headers: { 'retry-after-ms': '30' } },
        { kind: 'status', status: 429, headers: { 'retry-after': '0.05' } },
        { kind: 'answer', text: 'ok' },
      ],
      { retries },
    );
    expect((await b.send(chatReq, sampling)).text).toBe('ok');
    expect(retries).toEqual([
      ['rate_limit', 30],
      ['rate_limit', 50],
    ]);
  });

  it('times out a hung request and a stalled body, retries, and gives up after max attempts', async () => {
    const b = await chatWith([{ kind: 'hang' }, { kind: 'stall-body' }], { timeoutMs: 150, maxAttempts: 3 });
    const e = await failure(b.send(chatReq, sampling));
    expect(e.kind).toBe('timeout');
    expect(e.attempts).toBe(3);
    expect(e.message).toMatch(/timeout.*after 3 attempts/);
    expect(server!.count()).toBe(3);
  });

  it('retries a malformed body and reports it when it persists', async () => {
    const b = await chatWith([{ kind: 'malformed' }, { kind: 'malformed', body: '{"choices": []}' }], { maxAttempts: 2 });
    const e = await failure(b.send(chatReq, sampling));
    expect(e.kind).toBe('malformed');
    expect(server!.count()).toBe(2);
  });

  it('does not retry 401: a clear, fatal message about the key', async () => {
    const b = await chatWith([{ kind: 'status', status: 401, body: { error: { message: 'Incorrect API key provided' } } }]);
    const e = await failure(b.send(chatReq, sampling));
    expect(e.kind).toBe('auth');
    expect(e.fatal).toBe(true);
    expect(e.message).toContain('401 Incorrect API key provided');
    expect(e.message).toContain('refused the API key');
    expect(server!.count()).toBe(1);
  });

  it('does not retry 400 (this request can never succeed), and it is not fatal', async () => {
    const b = await chatWith([{ kind: 'status', status: 400, body: { error: { message: "This model's maximum context length is 4096 tokens" } } }]);
    const e = await failure(b.send(chatReq, sampling));
    expect(e.kind).toBe('rejected');
    expect(e.fatal).toBe(false);
    expect(e.message).toContain('maximum context length');
    expect(server!.count()).toBe(1);
  });

  it('an abort ends a hung request at once with the abort reason, not an inference error', async () => {
    const b = await chatWith([{ kind: 'hang' }], { timeoutMs: 60_000 });
    const ac = new AbortController();
    const p = b.send(chatReq, sampling, ac.signal);
    while (server!.count() === 0) await new Promise((r) => setTimeout(r, 5));
    ac.abort(new Error('stop now'));
    await expect(p).rejects.toThrow('stop now');
  });

  it('an unreachable endpoint is a connection error after the bounded attempts', async () => {
    const s = await startOpenAIServer();
    const url = s.url;
    await s.close();
    const b = new OpenAIChatBackend('m', { baseUrl: url, apiKey: 'k', timeoutMs: 2000, retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 } });
    const e = await failure(b.send(chatReq, sampling));
    expect(e.kind).toBe('connection');
    expect(e.attempts).toBe(2);
    expect(e.message).toMatch(/ECONNREFUSED/);
  });

  it('describe() returns the /v1/models answer', async () => {
    const b = await chatWith([{ kind: 'answer' }]);
    expect(await b.describe()).toMatchObject({ data: [{ id: 'test-model' }] });
  });
});

describe('openai-completions backend', () => {
  it('sends one prompt and reads choices[0].text', async () => {
    server = await startOpenAIServer({ script: () => ({ kind: 'answer', text: '{"tool_calls": []}' }) });
    const b = new OpenAICompletionsBackend('xLAM-7b-fc-r', { baseUrl: server.url, apiKey: 'EMPTY', timeoutMs: 5000 });
    const reply = await b.send({ kind: 'completion', prompt: 'P' }, sampling);
    expect(reply).toMatchObject({ text: '{"tool_calls": []}', inputTokens: 10, outputTokens: 5 });
    expect(server.requests[0]!.path).toBe('/v1/completions');
    expect(server.requests[0]!.json).toEqual({ model: 'xLAM-7b-fc-r', prompt: 'P', temperature: 0.001, top_p: 1 });
  });

  it('refuses a chat request with a message naming the fix', async () => {
    const b = new OpenAICompletionsBackend('m', { baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k', timeoutMs: 100 });
    await expect(b.send(chatReq, sampling)).rejects.toThrow(/--endpoint chat/);
  });
});

describe('retry policy', () => {
  it('backs off exponentially with jitter, capped', () => {
    const p = { ...DEFAULT_RETRY, initialDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, p, () => 0)).toBe(50);
    expect(backoffDelay(1, p, () => 1)).toBe(100);
    expect(backoffDelay(3, p, () => 1)).toBe(400);
    expect(backoffDelay(10, p, () => 1)).toBe(1000);
  });
  it('reads Retry-After as seconds, as an HTTP date, and retry-after-ms first', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:10 GMT' }), Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs(new Headers({ 'retry-after': '2', 'retry-after-ms': '15' }))).toBe(15);
    expect(retryAfterMs(new Headers({}))).toBeUndefined();
  });
});
