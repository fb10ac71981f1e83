/**
 * The llama-cpp backend on the tiny test model (test/fixtures/tiny-gguf.ts): tokens per second
 * (prompt and generation, free and grammar-constrained) and the backend's own per-entry overhead
 * (chat-template rendering, tokenisation, grammar building, scheduling, result writing), so a user
 * can estimate a run of a real model:
 *
 *   time per entry ≈ overhead + prompt tokens / prompt rate + answer tokens / generation rate
 *
 * with the rates of the real model on their machine. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LlamaCppBackend } from '../src/backends/llama-cpp.js';
import { jsonSchemaToGbnf, type JsonSchema } from '../src/backends/json-grammar.js';
import { loadCategory } from '../src/data/dataset.js';
import { getFormat } from '../src/formats/index.js';
import { constrainedFormat } from '../src/run/constrain.js';
import { generate } from '../src/run/generate.js';
import { BFCL_DATA } from '../test/fixtures/paths.js';
import { writeTinyGguf } from '../test/fixtures/tiny-gguf.js';

const SAMPLING = { temperature: 0.001, topP: 1 };
const tmp = mkdtempSync(join(tmpdir(), 'fcbench-bench-llama-'));
const modelFile = join(tmp, 'tiny.gguf');
const size = writeTinyGguf(modelFile);
const ms = (t0: number): number => performance.now() - t0;
const f1 = (x: number): string => x.toFixed(1);

console.log(`tiny llama model: ${(size / 1024).toFixed(0)} KB, 2 layers × 64 wide, 260-token vocabulary; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

const cases = loadCategory(BFCL_DATA, 'simple_python').cases;
const xlam = getFormat('xlam');
const constrained = constrainedFormat(xlam);

for (const threads of [1, 2]) {
  const b = new LlamaCppBackend({ modelPath: modelFile, threads, gpuLayers: 0, contextSize: 4096, log: () => {} });
  let t0 = performance.now();
  await b.open();
  const loadMs = ms(t0);

  // Prompt processing: distinct prompts, so nothing is reused from the previous entry.
  let promptTokens = 0;
  let promptMs = 0;
  for (let i = 0; i < 3; i++) {
    const req = xlam.request!(cases[10 + i]!);
    t0 = performance.now();
    const r = await b.send(req, { ...SAMPLING, maxTokens: 1 });
    promptMs += ms(t0);
    promptTokens += r.inputTokens ?? 0;
  }
  // Generation: the same prompt again (its prefix is reused), 128 free tokens.
  const req = xlam.request!(cases[12]!);
  t0 = performance.now();
  const gen = await b.send(req, { ...SAMPLING, maxTokens: 128 });
  const genMs = ms(t0);
  // Constrained generation: same prompt, the answer grammar.
  const creq = constrained.request!(cases[12]!);
  await b.send(creq, { ...SAMPLING, maxTokens: 1 }); // grammar built and cached
  t0 = performance.now();
  const cgen = await b.send(creq, { ...SAMPLING, maxTokens: 300 });
  const cgenMs = ms(t0);
  console.log(
    `threads ${threads}: load ${f1(loadMs)} ms; prompt ${f1((1000 * promptTokens) / promptMs)} tok/s (${promptTokens} tokens); ` +
      `generation ${f1((1000 * gen.outputTokens!) / genMs)} tok/s free (${gen.outputTokens} tokens), ${f1((1000 * cgen.outputTokens!) / cgenMs)} tok/s constrained (${cgen.outputTokens} tokens)`,
  );

  if (threads === 1) {
    // Backend overhead pieces.
    const chatReqs = cases.slice(0, 50).map((c) => xlam.request!(c));
    t0 = performance.now();
    for (const r of chatReqs) await b.tokens(r);
    console.log(`chat template render + tokenise: ${f1(ms(t0) / chatReqs.length)} ms per request (xlam prompts, 50 entries)`);
    const schemas = cases.slice(0, 50).map((c) => (constrained.request!(c) as unknown as { answerSchema: JsonSchema }).answerSchema);
    t0 = performance.now();
    for (const s of schemas) jsonSchemaToGbnf(s);
    console.log(`answer schema → GBNF: ${f1((1000 * ms(t0)) / schemas.length)} µs per entry`);
  }
  await b.close();
}

// The whole generate path (result store, manifest, scheduling) on 20 entries, constrained.
const N = 20;
let t0 = performance.now();
const summary = await generate({
  model: 'tiny-bench',
  overrides: { format: 'xlam', constrain: true, llamaCpp: { modelPath: modelFile, threads: 1, gpuLayers: 0, contextSize: 4096 }, maxTokens: 300, concurrency: 1 },
  categories: ['simple_python'],
  limit: N,
  dataDir: BFCL_DATA,
  resultsDir: join(tmp, 'results'),
  progress: 'off',
  log: () => {},
});
const wall = ms(t0);
const { readFileSync } = await import('node:fs');
const lines = readFileSync(summary.files[0]!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { latency: number; input_token_count: number; output_token_count: number });
const inModel = lines.reduce((a, l) => a + l.latency * 1000, 0);
const inTok = lines.reduce((a, l) => a + l.input_token_count, 0) / lines.length;
const outTok = lines.reduce((a, l) => a + l.output_token_count, 0) / lines.length;
console.log(
  `generate --backend llama-cpp --constrain, ${N} simple_python entries: ${f1(wall)} ms wall (model load included), ${f1(wall / N)} ms per entry; ` +
    `${f1(inModel / N)} ms per entry inside the model call; ${f1(inTok)} prompt / ${f1(outTok)} answer tokens per entry (the tiny model's tokens are bytes; a real tokenizer needs about 4× fewer)`,
);
const manifest = JSON.parse(readFileSync(summary.manifest, 'utf8')) as { runs: Array<{ endpoint: { models: { load_seconds: number } } }> };
const loadMs = manifest.runs.at(-1)!.endpoint.models.load_seconds * 1000;
console.log(`model load ${f1(loadMs)} ms (once per run); per-entry overhead outside the model call: ${f1((wall - inModel - loadMs) / N)} ms`);
console.log('estimate for a real model: entries × (overhead + prompt tokens / prompt rate + answer tokens / generation rate), with the rates of that model on this machine');
rmSync(tmp, { recursive: true, force: true });
