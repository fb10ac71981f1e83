/** `fcbench generate`: flags → generate(); Ctrl-C once finishes in-flight requests, twice abandons them. */
import type { Argv } from 'yargs';
import { generate, type GenerateSummary } from '../run/generate.js';
import type { ConfigOverrides } from '../run/model-config.js';
import type { Command } from './command.js';
import { UserError } from '../core/errors.js';
import { parseShard } from '../run/shard.js';

const list = (v: string | string[] | undefined): string[] | undefined =>
  v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter((s) => s !== '');

/** The llama-cpp flags given, if any. */
export function llamaOverrides(a: Record<string, unknown>): ConfigOverrides['llamaCpp'] | undefined {
  const l: NonNullable<ConfigOverrides['llamaCpp']> = {};
  if (typeof a['model-path'] === 'string') l.modelPath = a['model-path'];
  if (typeof a['model-sha256'] === 'string') l.sha256 = a['model-sha256'];
  if (typeof a['threads'] === 'number') l.threads = a['threads'];
  if (typeof a['context-size'] === 'number') l.contextSize = a['context-size'];
  if (typeof a['batch-size'] === 'number') l.batchSize = a['batch-size'];
  if (typeof a['parallel'] === 'number') l.parallel = a['parallel'];
  const g = a['gpu-layers'];
  if (typeof g === 'string' || typeof g === 'number') {
    const s = String(g);
    if (s !== 'auto' && s !== 'max' && !/^\d+$/.test(s)) throw new UserError(`--gpu-layers must be auto, max or a whole number (got "${s}")`);
    l.gpuLayers = s === 'auto' || s === 'max' ? s : Number(s);
  }
  return Object.keys(l).length > 0 ? l : undefined;
}

/** The flags of `generate` (also taken by `run`). */
export function generateOptions(y: Argv, modelRequired = true) {
  return y
      .option('model', { type: 'string', demandOption: modelRequired, describe: 'config name in configs/models/, a config JSON file, or (with --base-url and --format) a served model name' })
      .option('categories', { type: 'string', describe: 'categories or groups, comma separated (e.g. simple_python,live or non_live)' })
      .option('base-url', { type: 'string', describe: 'endpoint root, e.g. http://localhost:8001/v1' })
      .option('display-name', { type: 'string', describe: 'name shown in reports' })
      .option('organization', { type: 'string', describe: 'who made the model (reports)' })
      .option('license', { type: 'string', describe: "the model's licence (reports)" })
      .option('price-input', { type: 'number', describe: 'US$ per million input tokens (cost column)' })
      .option('price-output', { type: 'number', describe: 'US$ per million output tokens (cost column)' })
      .option('format', { type: 'string', describe: 'model format: bfcl-prompt, openai-fc, xlam, xlam-bfcl-v1' })
      .option('endpoint', { choices: ['chat', 'completions'] as const, describe: 'OpenAI-compatible endpoint to call' })
      .option('backend', { choices: ['openai-chat', 'openai-completions', 'llama-cpp'] as const, describe: 'how to reach the model (llama-cpp: in-process, no server)' })
      .option('model-path', { type: 'string', describe: 'llama-cpp: a .gguf file or hf:<owner>/<repo>/<file> (downloaded once); implies --backend llama-cpp' })
      .option('model-sha256', { type: 'string', describe: 'llama-cpp: expected sha256 of the model file' })
      .option('threads', { type: 'number', describe: "llama-cpp: CPU threads (default: the machine's cores, at most 8, fewer for a small model)" })
      .option('context-size', { type: 'number', describe: "llama-cpp: context tokens per sequence (default: the model's, at most 8192)" })
      .option('gpu-layers', { type: 'string', describe: 'llama-cpp: layers on the GPU: auto (default), max, or a number (0 = CPU only)' })
      .option('batch-size', { type: 'number', describe: 'llama-cpp: tokens per batch (default 512)' })
      .option('parallel', { type: 'number', describe: 'llama-cpp: sequences evaluated in parallel (default 1)' })
      .option('constrain', { type: 'boolean', describe: 'llama-cpp: grammar-constrained decoding, so every answer is a valid call list (off by default: published numbers were measured without it)' })
      .option('served-model', { type: 'string', describe: "model id sent in requests (default: the config's model or --model)" })
      .option('api-key-env', { type: 'string', describe: 'environment variable holding the API key' })
      .option('temperature', { type: 'number', describe: 'sampling temperature (default 0.001)' })
      .option('top-p', { type: 'number', describe: 'nucleus sampling top_p (default 1)' })
      .option('max-tokens', { type: 'number', describe: 'max tokens per answer (default: the server decides)' })
      .option('seed', { type: 'number', describe: 'sampling seed' })
      .option('stop', { type: 'string', array: true, describe: 'stop sequence (repeatable)' })
      .option('concurrency', { type: 'number', describe: 'requests in flight at once' })
      .option('timeout', { type: 'number', describe: 'per-request timeout, seconds' })
      .option('max-attempts', { type: 'number', describe: 'attempts per entry before recording an inference error' })
      .option('data', { type: 'string', describe: 'BFCL data folder (default datasets/bfcl-v4)' })
      .option('results', { type: 'string', default: 'results', describe: 'results root' })
      .option('ids', { type: 'string', describe: 'only these entry ids, comma separated' })
      .option('limit', { type: 'number', describe: 'first N entries of each category' })
      .option('shard', { type: 'string', describe: 'generate only part K of N of the selection (e.g. 2/4; entries dealt round-robin in BFCL order); join the parts with fcbench merge' })
      .option('allow-mixed-settings', { type: 'boolean', default: false, describe: 'resume result files that were generated with other settings (format, sampling, --constrain) anyway' })
      .option('rerun-errors', { type: 'boolean', default: false, describe: 'generate again the entries whose line is an inference error' })
      .option('progress', { choices: ['auto', 'bar', 'lines', 'off'] as const, default: 'auto' as const, describe: 'progress display' });
}

/** Run `generate` for parsed flags; Ctrl-C once finishes in-flight requests, twice abandons them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function generateFromFlags(a: any): Promise<GenerateSummary> {
    const overrides: ConfigOverrides = {};
    const set = <K extends keyof ConfigOverrides>(k: K, v: ConfigOverrides[K] | undefined): void => {
      if (v !== undefined) overrides[k] = v;
    };
    set('baseUrl', a['base-url']);
    set('displayName', a['display-name']);
    set('organization', a.organization);
    set('license', a.license);
    set('priceInput', a['price-input']);
    set('priceOutput', a['price-output']);
    set('format', a.format);
    set('endpoint', a.endpoint);
    set('modelId', a['served-model']);
    set('apiKeyEnv', a['api-key-env']);
    set('temperature', a.temperature);
    set('topP', a['top-p']);
    set('maxTokens', a['max-tokens']);
    set('seed', a.seed);
    set('stop', a.stop);
    set('concurrency', a.concurrency);
    set('timeout', a.timeout);
    set('maxAttempts', a['max-attempts']);
    set('backend', a.backend);
    set('constrain', a.constrain);
    const llama = llamaOverrides(a);
    if (llama) overrides.llamaCpp = llama;

    const stop = new AbortController();
    const abandon = new AbortController();
    const onSignal = (sig: NodeJS.Signals): void => {
      if (!stop.signal.aborted) {
        process.stderr.write(`\n${sig}: no new requests; waiting for those in flight (send ${sig} again to abandon them)\n`);
        stop.abort(new Error(sig));
      } else if (!abandon.signal.aborted) {
        process.stderr.write(`\n${sig}: abandoning in-flight requests; they will be generated by the next run\n`);
        abandon.abort(new Error(sig));
      }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      return await generate({
        model: a.model,
        overrides,
        ...(a.categories !== undefined ? { categories: list(a.categories)! } : {}),
        ...(a.ids !== undefined ? { ids: list(a.ids)! } : {}),
        ...(a.limit !== undefined ? { limit: a.limit } : {}),
        ...(a.shard !== undefined ? { shard: parseShard(String(a.shard)) } : {}),
        ...(a.data !== undefined ? { dataDir: a.data } : {}),
        resultsDir: a.results,
        rerunErrors: a['rerun-errors'],
        allowMixedSettings: a['allow-mixed-settings'],
        progress: a.progress,
        stop: stop.signal,
        abandon: abandon.signal,
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
}

export const generateCommand: Command = {
  command: 'generate',
  describe: 'Ask a model for every selected entry and write BFCL-layout result files (resumable)',
  builder: (y: Argv) => generateOptions(y),
  run: async (a) => (await generateFromFlags(a)).exitCode,
};
