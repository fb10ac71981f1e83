/**
 * Model configs (configs/models/*.json): load, validate against configs/model.schema.json with ajv,
 * and merge CLI overrides (a flag wins over the file). `--model NAME` names a config file (by file
 * name or by its "name" key), or a path to a JSON file, or — with --base-url and --format — an
 * ad-hoc model served under that name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { EXIT, UserError } from '../core/errors.js';
import type { Sampling } from '../core/format.js';
import type { LlamaCppSettings } from '../backends/llama-cpp.js';

/** The package's configs/ folder: the nearest one above this module (src/run, dist/run, or a bench build). */
function findConfigsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'configs', 'model.schema.json'))) return join(dir, 'configs');
    const up = dirname(dir);
    if (up === dir) return fileURLToPath(new URL('../../configs/', import.meta.url));
    dir = up;
  }
}

export const CONFIGS_DIR = findConfigsDir();
export const MODELS_DIR = join(CONFIGS_DIR, 'models');
export const MODEL_SCHEMA_FILE = join(CONFIGS_DIR, 'model.schema.json');

/** BFCL's defaults (bfcl-spec §10.2). */
export const DEFAULT_SAMPLING: Sampling = { temperature: 0.001, topP: 1 };
export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_TIMEOUT_S = 600;
export const DEFAULT_MAX_ATTEMPTS = 6;

export interface ModelConfig {
  /** Registry name: names the results folder. */
  name: string;
  /** Model id sent as the request's `model`. */
  model: string;
  displayName: string;
  organization?: string;
  license?: string;
  url?: string;
  backend: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  format: string;
  sampling: Sampling;
  concurrency: number;
  /** Per-request timeout, seconds. */
  timeout: number;
  maxAttempts: number;
  price?: { inputPerMillion: number; outputPerMillion: number };
  /** The embedded engine's model and settings (backend llama-cpp; config key llama_cpp). */
  llamaCpp?: LlamaCppSettings;
  /** Grammar-constrained decoding (config key constrain, flag --constrain). */
  constrain?: boolean;
  /** Where the config came from: a file path, or `(command line)`. */
  source: string;
}

/** CLI flags that override config keys. */
export interface ConfigOverrides {
  baseUrl?: string;
  /** Listing metadata (--display-name, --organization, --license, --price-input, --price-output). */
  displayName?: string;
  organization?: string;
  license?: string;
  priceInput?: number;
  priceOutput?: number;
  format?: string;
  endpoint?: 'chat' | 'completions';
  backend?: string;
  apiKeyEnv?: string;
  /** Request `model` id (`--served-model`). */
  modelId?: string;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  stop?: string[];
  concurrency?: number;
  timeout?: number;
  maxAttempts?: number;
  /** llama-cpp settings (--model-path, --threads, …); `modelPath` also selects the llama-cpp backend. */
  llamaCpp?: Partial<LlamaCppSettings>;
  constrain?: boolean;
}

/** Raw JSON keys of the llama_cpp settings. */
const LLAMA_KEYS = [
  ['modelPath', 'model_path', '--model-path'],
  ['sha256', 'sha256', '--model-sha256'],
  ['threads', 'threads', '--threads'],
  ['contextSize', 'context_size', '--context-size'],
  ['gpuLayers', 'gpu_layers', '--gpu-layers'],
  ['batchSize', 'batch_size', '--batch-size'],
  ['parallel', 'parallel', '--parallel'],
] as const;

/** Raw JSON key of each override, to name the flag in errors. */
const FLAG_OF: Record<string, string> = {
  base_url: '--base-url',
  display_name: '--display-name',
  organization: '--organization',
  license: '--license',
  'price.input_per_million': '--price-input',
  'price.output_per_million': '--price-output',
  format: '--format',
  backend: '--endpoint',
  api_key_env: '--api-key-env',
  model: '--served-model',
  'sampling.temperature': '--temperature',
  'sampling.top_p': '--top-p',
  'sampling.max_tokens': '--max-tokens',
  'sampling.seed': '--seed',
  'sampling.stop': '--stop',
  concurrency: '--concurrency',
  timeout: '--timeout',
  max_attempts: '--max-attempts',
  constrain: '--constrain',
  ...Object.fromEntries(LLAMA_KEYS.map(([, key, flag]) => [`llama_cpp.${key}`, flag])),
};

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(MODEL_SCHEMA_FILE, 'utf8')) as object);
  }
  return validator;
}

function keyOf(e: ErrorObject): string {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') return path ? `${path}.${String(e.params['missingProperty'])}` : String(e.params['missingProperty']);
  if (e.keyword === 'additionalProperties') return path ? `${path}.${String(e.params['additionalProperty'])}` : String(e.params['additionalProperty']);
  return path || '(top level)';
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'additionalProperties') return 'is not a known key';
  if (e.keyword === 'enum') return `${e.message} (${(e.params['allowedValues'] as unknown[]).join(', ')})`;
  return e.message ?? 'is invalid';
}

/** Throws a UserError naming each bad key and where it came from (file, or the flag). */
export function validateRawConfig(raw: unknown, where: string, viaFlags = false): asserts raw is Record<string, unknown> {
  const v = validate();
  if (v(raw)) return;
  const problems = (v.errors ?? []).map((e) => {
    const key = keyOf(e);
    const flag = viaFlags ? FLAG_OF[key] : undefined;
    return `  ${key}${flag ? ` (${flag})` : ''}: ${describe(e)}`;
  });
  throw new UserError(`invalid model config ${where}:\n${[...new Set(problems)].join('\n')}\nSee configs/model.schema.json for the keys and their types.`, EXIT.badInput);
}

/** Config files in a folder: file path → parsed JSON (unparsable files are skipped here). */
function configFiles(dir: string): Array<{ file: string; raw: unknown }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      try {
        return { file, raw: JSON.parse(readFileSync(file, 'utf8')) as unknown };
      } catch {
        return { file, raw: undefined };
      }
    });
}

/** Names of the configs in `dir` (their "name" key, else the file name). */
export function listModelNames(dir: string = MODELS_DIR): string[] {
  return configFiles(dir).map(({ file, raw }) => {
    const n = (raw as { name?: unknown } | undefined)?.name;
    return typeof n === 'string' ? n : basename(file, '.json');
  });
}

function readConfigFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read model config ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UserError(`model config ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Finds the raw config for `--model`; undefined when NAME is neither a file nor a known config. */
function findRaw(nameOrFile: string, dir: string): { raw: unknown; source: string } | undefined {
  const looksLikePath = nameOrFile.endsWith('.json') || nameOrFile.includes('/') || nameOrFile.includes('\\');
  if (looksLikePath && existsSync(nameOrFile)) {
    const file = resolve(nameOrFile);
    return { raw: readConfigFile(file), source: file };
  }
  const direct = join(dir, `${nameOrFile}.json`);
  if (existsSync(direct)) return { raw: readConfigFile(direct), source: direct };
  const byName = configFiles(dir).find(({ raw }) => (raw as { name?: unknown } | undefined)?.name === nameOrFile);
  if (byName) return { raw: readConfigFile(byName.file), source: byName.file };
  if (looksLikePath && nameOrFile.endsWith('.json')) throw new UserError(`model config file ${nameOrFile} does not exist`);
  return undefined;
}

function applyOverrides(raw: Record<string, unknown>, o: ConfigOverrides): { merged: Record<string, unknown>; changed: boolean } {
  const m: Record<string, unknown> = { ...raw, sampling: { ...((raw['sampling'] as object | undefined) ?? {}) } };
  const s = m['sampling'] as Record<string, unknown>;
  const before = JSON.stringify(m);
  if (o.baseUrl !== undefined) m['base_url'] = o.baseUrl;
  if (o.displayName !== undefined) m['display_name'] = o.displayName;
  if (o.organization !== undefined) m['organization'] = o.organization;
  if (o.license !== undefined) m['license'] = o.license;
  if (o.priceInput !== undefined || o.priceOutput !== undefined) {
    const p = { ...((raw['price'] as object | undefined) ?? {}) } as Record<string, unknown>;
    if (o.priceInput !== undefined) p['input_per_million'] = o.priceInput;
    if (o.priceOutput !== undefined) p['output_per_million'] = o.priceOutput;
    m['price'] = p;
  }
  if (o.format !== undefined) m['format'] = o.format;
  if (o.backend !== undefined) m['backend'] = o.backend;
  if (o.endpoint !== undefined) m['backend'] = o.endpoint === 'completions' ? 'openai-completions' : o.endpoint === 'chat' ? 'openai-chat' : o.endpoint;
  if (o.apiKeyEnv !== undefined) m['api_key_env'] = o.apiKeyEnv;
  if (o.modelId !== undefined) m['model'] = o.modelId;
  if (o.temperature !== undefined) s['temperature'] = o.temperature;
  if (o.topP !== undefined) s['top_p'] = o.topP;
  if (o.maxTokens !== undefined) s['max_tokens'] = o.maxTokens;
  if (o.seed !== undefined) s['seed'] = o.seed;
  if (o.stop !== undefined) s['stop'] = o.stop;
  if (o.concurrency !== undefined) m['concurrency'] = o.concurrency;
  if (o.timeout !== undefined) m['timeout'] = o.timeout;
  if (o.maxAttempts !== undefined) m['max_attempts'] = o.maxAttempts;
  if (o.constrain !== undefined) m['constrain'] = o.constrain;
  if (o.llamaCpp) {
    const l: Record<string, unknown> = { ...((raw['llama_cpp'] as object | undefined) ?? {}) };
    for (const [k, key] of LLAMA_KEYS) if (o.llamaCpp[k] !== undefined) l[key] = o.llamaCpp[k];
    if (Object.keys(l).length > 0) m['llama_cpp'] = l;
    if (o.llamaCpp.modelPath !== undefined && o.backend === undefined && o.endpoint === undefined) m['backend'] = 'llama-cpp';
  }
  return { merged: m, changed: JSON.stringify(m) !== before };
}

function fromRaw(r: Record<string, unknown>, source: string): ModelConfig {
  const s = (r['sampling'] ?? {}) as Record<string, unknown>;
  const sampling: Sampling = {
    temperature: (s['temperature'] as number | undefined) ?? DEFAULT_SAMPLING.temperature,
    topP: (s['top_p'] as number | undefined) ?? DEFAULT_SAMPLING.topP,
  };
  if (s['max_tokens'] !== undefined) sampling.maxTokens = s['max_tokens'] as number;
  if (s['seed'] !== undefined) sampling.seed = s['seed'] as number;
  if (s['stop'] !== undefined) sampling.stop = s['stop'] as string[];
  const price = r['price'] as { input_per_million: number; output_per_million: number } | undefined;
  const name = r['name'] as string;
  const cfg: ModelConfig = {
    name,
    model: (r['model'] as string | undefined) ?? name,
    displayName: (r['display_name'] as string | undefined) ?? name,
    backend: r['backend'] as string,
    format: r['format'] as string,
    sampling,
    // An embedded model answers `parallel` requests at once; more in flight would only queue (and delay a stop).
    concurrency: (r['concurrency'] as number | undefined) ?? (r['backend'] === 'llama-cpp' ? (((r['llama_cpp'] as Record<string, unknown> | undefined)?.['parallel'] as number | undefined) ?? 1) : DEFAULT_CONCURRENCY),
    timeout: (r['timeout'] as number | undefined) ?? DEFAULT_TIMEOUT_S,
    maxAttempts: (r['max_attempts'] as number | undefined) ?? DEFAULT_MAX_ATTEMPTS,
    source,
  };
  for (const [k, key] of [['organization', 'organization'], ['license', 'license'], ['url', 'url'], ['baseUrl', 'base_url'], ['apiKeyEnv', 'api_key_env']] as const) {
    if (typeof r[key] === 'string') cfg[k] = r[key] as string;
  }
  if (price) cfg.price = { inputPerMillion: price.input_per_million, outputPerMillion: price.output_per_million };
  const llama = r['llama_cpp'] as Record<string, unknown> | undefined;
  if (llama) {
    const l: Record<string, unknown> = {};
    for (const [k, key] of LLAMA_KEYS) if (llama[key] !== undefined) l[k] = llama[key];
    cfg.llamaCpp = l as unknown as LlamaCppSettings;
  }
  if (r['constrain'] === true) cfg.constrain = true;
  return cfg;
}

/**
 * The config for `--model NAME|FILE` with flags applied. Errors (exit 2): an invalid file (names the
 * key and the file), an invalid flag value (names the flag), an unknown name (lists the known ones).
 */
export function resolveModelConfig(nameOrFile: string, overrides: ConfigOverrides = {}, dir: string = MODELS_DIR): ModelConfig {
  const found = findRaw(nameOrFile, dir);
  let raw: unknown;
  let source: string;
  if (found) {
    validateRawConfig(found.raw, found.source);
    raw = found.raw;
    source = found.source;
  } else if ((overrides.baseUrl !== undefined || overrides.llamaCpp?.modelPath !== undefined) && overrides.format !== undefined) {
    raw = { name: nameOrFile, backend: overrides.baseUrl === undefined ? 'llama-cpp' : 'openai-chat' };
    source = '(command line)';
  } else {
    const known = listModelNames(dir);
    throw new UserError(
      `unknown model "${nameOrFile}". Known models (${dir}): ${known.join(', ') || '(none)'}.\n` +
        `Pass one of them, a path to a model config JSON file, or --base-url URL and --format FMT to use a model served under the name "${nameOrFile}" (or --model-path FILE.gguf|hf:<owner>/<repo>/<file> and --format FMT to run a local model in-process).`,
      EXIT.badInput,
    );
  }
  const { merged, changed } = applyOverrides(raw as Record<string, unknown>, overrides);
  if (changed || source === '(command line)') validateRawConfig(merged, source === '(command line)' ? 'given by flags' : `${source} with the flags applied`, true);
  return fromRaw(merged, source);
}
