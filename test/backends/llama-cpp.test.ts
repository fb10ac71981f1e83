/**
 * The llama-cpp backend with the real llama.cpp binding (node-llama-cpp) on a tiny llama model
 * that the test writes itself (test/fixtures/tiny-gguf.ts): prompting (raw completion, the GGUF's
 * chat template), grammar-constrained answers on real BFCL entries, the generate path end to end.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePyJson } from '../../src/core/pyjson.js';
import { PyDict, type PyValue } from '../../src/core/pyvalue.js';
import type { Case } from '../../src/core/types.js';
import { InferenceError } from '../../src/backends/inference-error.js';
import { LlamaCppBackend, LlamaCppUnsupported } from '../../src/backends/llama-cpp.js';
import { gbnfLiteral, jsonSchemaToGbnf, type JsonSchema } from '../../src/backends/json-grammar.js';
import { loadCategory } from '../../src/data/dataset.js';
import { getFormat } from '../../src/formats/index.js';
import { answerSchema, constrainedFormat } from '../../src/run/constrain.js';
import { generate } from '../../src/run/generate.js';
import { BFCL_DATA } from '../fixtures/paths.js';
import { writeTinyGguf } from '../fixtures/tiny-gguf.js';

const SAMPLING = { temperature: 0.001, topP: 1 };
const tmp = mkdtempSync(join(tmpdir(), 'fcbench-llama-'));
const modelFile = join(tmp, 'tiny.gguf');
const noTemplateFile = join(tmp, 'tiny-no-template.gguf');
let backend: LlamaCppBackend;

beforeAll(async () => {
  writeTinyGguf(modelFile);
  writeTinyGguf(noTemplateFile, { chatTemplate: null });
  backend = new LlamaCppBackend({ modelPath: modelFile, threads: 1, gpuLayers: 0, contextSize: 4096, parallel: 2, log: () => {} });
  await backend.open();
});

afterAll(async () => {
  await backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const simple = (): Case[] => loadCategory(BFCL_DATA, 'simple_python').cases;

function plainJson(v: PyValue): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x instanceof PyDict ? Object.fromEntries(x.entries().map(([k, y]) => [String(k), y])) : typeof x === 'bigint' ? Number(x) : x)));
}

describe('the tiny model and the llama-cpp backend', () => {
  it('loads the written GGUF and reports what it runs', async () => {
    const d = (await backend.describe()) as Record<string, unknown> & { model: Record<string, unknown> };
    expect(d['engine']).toBe('node-llama-cpp');
    expect(d.model['architecture']).toBe('llama');
    expect(d.model['name']).toBe('fcbench-tiny-llama');
    expect(d.model['chat_template']).toBe(true);
    expect(d['threads']).toBe(1);
    expect(d['sequences']).toBe(2);
    expect(d['gpu_layers']).toBe(0);
    expect(d['context_size']).toBeGreaterThanOrEqual(4096);
  });

  it('raw completion: the prompt string as is, after one BOS token; text and token counts come back', async () => {
    const prompt = 'Hello {"a": 1}';
    const { tokens } = await backend.tokens({ kind: 'completion', prompt });
    expect(tokens.length).toBe(Buffer.byteLength(prompt)); // byte tokens, and "▁" for each space
    const r = await backend.send({ kind: 'completion', prompt }, { ...SAMPLING, maxTokens: 12 });
    expect(typeof r.text).toBe('string');
    expect(r.inputTokens).toBe(tokens.length + 1);
    expect(r.outputTokens).toBeGreaterThan(0);
    expect(r.outputTokens).toBeLessThanOrEqual(12);
    // Near-greedy sampling on the same prompt gives the same text.
    const again = await backend.send({ kind: 'completion', prompt }, { ...SAMPLING, maxTokens: 12 });
    expect(again.text).toBe(r.text);
  });

  it('chat requests are rendered with the chat template stored in the GGUF (one BOS, generation prompt)', async () => {
    const { tokens } = await backend.tokens({ kind: 'chat', messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'Q?' }] });
    expect(tokens[0]).toBe(1); // <s>
    expect(tokens.filter((t) => t === 1)).toHaveLength(1);
    const bytes = Buffer.from(tokens.slice(1).map((t) => (t === 259 ? 0x20 : t - 3)));
    expect(bytes.toString('utf8')).toBe('S\n### Instruction:\nQ?\n### Response:\n');
  });

  it('a chat request to a model without a chat template stops the run with a clear message', async () => {
    const b = new LlamaCppBackend({ modelPath: noTemplateFile, threads: 1, gpuLayers: 0, contextSize: 512, log: () => {} });
    try {
      const e = await b.send({ kind: 'chat', messages: [{ role: 'user', content: 'hi' }] }, SAMPLING).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(LlamaCppUnsupported);
      expect((e as LlamaCppUnsupported).fatal).toBe(true);
      expect((e as Error).message).toMatch(/no chat template.*xlam-bfcl-v1/);
      // The raw-completion path works on it.
      const r = await b.send({ kind: 'completion', prompt: 'x' }, { ...SAMPLING, maxTokens: 3 });
      expect(r.outputTokens).toBeGreaterThan(0);
    } finally {
      await b.close();
    }
  });

  it('a prompt longer than the context is refused for that entry, not silently truncated', async () => {
    const e = await backend.send({ kind: 'completion', prompt: 'x'.repeat(5000) }, SAMPLING).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/the prompt has 5001 tokens, the context holds \d+/);
  });

  it('a generation that outlives the per-request timeout is a timeout error for that entry', async () => {
    const b = new LlamaCppBackend({ modelPath: modelFile, threads: 1, gpuLayers: 0, contextSize: 2048, timeoutMs: 1, log: () => {} });
    try {
      await b.open();
      const e = await b.send({ kind: 'completion', prompt: 'x'.repeat(1500) }, { ...SAMPLING, maxTokens: 500 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InferenceError);
      expect((e as InferenceError).kind).toBe('timeout');
      expect((e as Error).message).toMatch(/no answer within 0\.001 s/);
    } finally {
      await b.close();
    }
  });

  it('tool definitions (openai-fc) are refused: the backend sends prompts only', async () => {
    const e = await backend.send({ kind: 'chat', messages: [{ role: 'user', content: 'x' }], tools: [new PyDict()] }, SAMPLING).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LlamaCppUnsupported);
  });
});

describe('grammar-constrained answers on real BFCL entries', () => {
  const ajv = new Ajv({ strict: false });

  for (const formatName of ['xlam', 'xlam-bfcl-v1']) {
    it(`${formatName}: 3 simple_python entries — every output matches the answer schema and decodes to a call list`, async () => {
      const format = constrainedFormat(getFormat(formatName));
      for (const c of simple().slice(0, 3)) {
        const req = format.request!(c);
        const schema = (req as { answerSchema?: JsonSchema }).answerSchema!;
        const r = await backend.send(req, { ...SAMPLING, maxTokens: 200 });
        const parsed: unknown = JSON.parse(r.text!);
        expect(ajv.validate(schema as object, parsed), `${c.id}: ${r.text} ${ajv.errorsText()}`).toBe(true);
        const decoded = format.decodeAst(r.text, 'python');
        expect(Array.isArray(decoded)).toBe(true);
        for (const call of decoded as PyValue[]) {
          expect(call).toBeInstanceOf(PyDict);
          const name = String((call as PyDict).keys()[0]);
          expect(c.functions.map((f) => f.name)).toContain(name);
        }
      }
    });
  }

  it('optional parameters may be left out, required ones are always there (multiple_ and parallel_ entries too)', async () => {
    const format = constrainedFormat(getFormat('xlam'));
    const cases = [...loadCategory(BFCL_DATA, 'multiple').cases.slice(0, 2), ...loadCategory(BFCL_DATA, 'parallel').cases.slice(0, 2)];
    for (const c of cases) {
      const req = format.request!(c);
      const r = await backend.send(req, { ...SAMPLING, maxTokens: 300 });
      const parsed = JSON.parse(r.text!) as { tool_calls: Array<{ name: string; arguments: Record<string, unknown> }> };
      for (const call of parsed.tool_calls) {
        const doc = c.functions.find((f) => f.name === call.name)!;
        expect(doc, `${c.id}: ${call.name}`).toBeDefined();
        for (const req of doc.parameters.required ?? []) expect(Object.keys(call.arguments), `${c.id}: ${r.text}`).toContain(req);
        for (const k of Object.keys(call.arguments)) expect([...(doc.parameters.properties?.keys() ?? [])]).toContain(k);
      }
    }
  });

  it('without --constrain the same model writes text that is not a call list (the grammar is what makes it valid)', async () => {
    const c = simple()[0]!;
    const r = await backend.send(getFormat('xlam').request!(c), { ...SAMPLING, maxTokens: 16 });
    expect(() => JSON.parse(r.text!)).toThrow();
    // BFCL's xLAM decoder hands non-JSON text back as it is: not a call list.
    expect(Array.isArray(getFormat('xlam').decodeAst(r.text, 'python'))).toBe(false);
  });

  it('the answer schema follows the function docs: names as constants, required lists, BFCL types', () => {
    const c = simple()[0]!;
    const s = answerSchema(getFormat('xlam'), c) as { properties: { tool_calls: { items: { properties: { name: unknown; arguments: { required: string[]; properties: Record<string, unknown> } } } } } };
    const call = s.properties.tool_calls.items.properties;
    expect(call.name).toEqual({ const: c.functions[0]!.name });
    expect(call.arguments.required).toEqual(c.functions[0]!.parameters.required);
    expect(Object.keys(call.arguments.properties)).toEqual([...c.functions[0]!.parameters.properties!.keys()]);
  });
});

describe('answer grammars for every single-turn BFCL entry', () => {
  it('every function doc of every single-turn category gives a grammar llama.cpp accepts', async () => {
    const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
    const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
    const format = getFormat('xlam');
    const categories = ['simple_python', 'simple_java', 'simple_javascript', 'multiple', 'parallel', 'parallel_multiple', 'irrelevance', 'live_simple', 'live_multiple', 'live_parallel', 'live_parallel_multiple', 'live_irrelevance', 'live_relevance'];
    const seen = new Set<string>();
    let entries = 0;
    try {
      for (const cat of categories) {
        for (const c of loadCategory(BFCL_DATA, cat).cases) {
          entries++;
          const gbnf = jsonSchemaToGbnf(answerSchema(format, c));
          if (seen.has(gbnf)) continue;
          seen.add(gbnf);
          await expect(llama.createGrammar({ grammar: gbnf }), `${c.id}`).resolves.toBeDefined();
        }
      }
    } finally {
      await llama.dispose();
    }
    expect(entries).toBeGreaterThan(3000);
    expect(seen.size).toBeGreaterThan(1500); // distinct function sets (1,867 in the v4 data)
  });

  it('string literals are escaped for GBNF (quotes, backslashes, control characters, non-ASCII kept)', () => {
    expect(gbnfLiteral('a"b\\c\n\t\x01é')).toBe('"a\\"b\\\\c\\n\\t\\x01é"');
  });
});

describe('parallel sequences', () => {
  it('concurrent requests on 2 sequences give the same answers as one at a time', async () => {
    const format = constrainedFormat(getFormat('xlam'));
    const reqs = simple().slice(3, 7).map((c) => format.request!(c));
    const one: string[] = [];
    for (const r of reqs) one.push((await backend.send(r, { ...SAMPLING, maxTokens: 200 })).text!);
    const together = await Promise.all(reqs.map((r) => backend.send(r, { ...SAMPLING, maxTokens: 200 })));
    expect(together.map((r) => r.text)).toEqual(one);
  });
});

describe('generate with --backend llama-cpp', () => {
  it('--limit 3 of simple_python, format xlam, --constrain: a complete result file whose every line decodes to calls; the manifest records the run', async () => {
    const results = join(tmp, 'results');
    const summary = await generate({
      model: 'tiny-local',
      overrides: { format: 'xlam', constrain: true, llamaCpp: { modelPath: modelFile, gpuLayers: 0, contextSize: 4096 }, maxTokens: 200 },
      categories: ['simple_python'],
      limit: 3,
      dataDir: BFCL_DATA,
      resultsDir: results,
      progress: 'off',
      log: () => {},
    });
    expect(summary.exitCode).toBe(0);
    expect(summary.config.backend).toBe('llama-cpp');
    expect(summary.config.concurrency).toBe(1); // one sequence: one request in flight
    expect(summary.counts).toMatchObject({ selected: 3, generated: 3, inferenceErrors: 0, missing: 0 });
    const lines = readFileSync(summary.files[0]!, 'utf8').split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(3);
    const ids = simple().slice(0, 3).map((c) => c.id);
    const xlam = getFormat('xlam');
    lines.forEach((l, i) => {
      const d = parsePyJson(l) as PyDict;
      expect(d.get('id')).toBe(ids[i]);
      expect(d.get('inference_error')).toBeUndefined();
      expect(d.get('input_token_count')).toBeGreaterThan(100);
      const decoded = xlam.decodeAst(d.get('result')!, 'python');
      expect(Array.isArray(decoded)).toBe(true);
      expect((decoded as PyValue[]).every((c) => c instanceof PyDict && c.size === 1)).toBe(true);
    });
    const manifest = plainJson(parsePyJson(readFileSync(summary.manifest, 'utf8'))) as { runs: Array<{ model: { constrain?: boolean; llamaCpp?: unknown }; endpoint: { backend: string; models: { engine: string; model: { path: string } } } }> };
    const run = manifest.runs.at(-1)!;
    expect(run.model.constrain).toBe(true);
    expect(run.endpoint.backend).toBe('llama-cpp');
    expect(run.endpoint.models.engine).toBe('node-llama-cpp');
    expect(run.endpoint.models.model.path).toBe(modelFile);
    expect((run.endpoint.models as unknown as { threads: number }).threads).toBe(1); // default for a tiny model
  });

  it('a model file that does not exist is bad input before anything is generated', async () => {
    const e = await generate({
      model: 'missing-local',
      overrides: { format: 'xlam', llamaCpp: { modelPath: join(tmp, 'nope.gguf'), gpuLayers: 0 } },
      categories: ['simple_python'],
      limit: 1,
      dataDir: BFCL_DATA,
      resultsDir: join(tmp, 'results-missing'),
      progress: 'off',
      log: () => {},
    }).catch((x: unknown) => x);
    expect((e as Error).name).toBe('UserError');
    expect((e as Error).message).toMatch(/nope\.gguf does not exist/);
  });

  it('--constrain with a served backend is refused (it cannot constrain decoding)', async () => {
    const cfg = join(tmp, 'served.json');
    writeFileSync(cfg, JSON.stringify({ name: 'served', backend: 'openai-chat', base_url: 'http://127.0.0.1:9/v1', format: 'xlam' }));
    const e = await generate({ model: cfg, overrides: { constrain: true }, categories: ['simple_python'], limit: 1, dataDir: BFCL_DATA, resultsDir: join(tmp, 'r2'), progress: 'off', log: () => {} }).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/--constrain needs the llama-cpp backend/);
  });
});
