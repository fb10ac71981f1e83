/**
 * `generate(options)`: ask a model for every selected entry and write BFCL-layout result files,
 * resumably. Used by `fcbench generate` and by `fcbench run`.
 *
 * Exit code (DESIGN.md): 0 when every selected entry has a model answer; 3 when some entry has an
 * inference error or no line (interrupted). Bad input (config, flags, data, a key the endpoint
 * refuses) throws a UserError (exit 2).
 */
import { EXIT, UserError } from '../core/errors.js';
import type { Backend, Format } from '../core/format.js';
import type { Case } from '../core/types.js';
import { createBackend, HTTP_BACKENDS } from '../backends/registry.js';
import { resolveApiKey } from '../backends/api-key.js';
import type { RetryPolicy } from '../backends/retry.js';
import { categoryInfo, compareIds, expandCategories, isCategory, resultFilePath, sortKey } from '../data/categories.js';
import { loadCategory, resolveDataDir } from '../data/dataset.js';
import { constrainedFormatFor } from './constrain.js';
import { appendRunRecord, datasetChecksums, fcbenchVersion, manifestPath, settingsDrift, type RunCounts } from './manifest.js';
import { MODELS_DIR, resolveModelConfig, type ConfigOverrides, type ModelConfig } from './model-config.js';
import { createProgress, type Progress, type ProgressMode } from './progress.js';
import { ResultStore } from './result-store.js';
import { runEntries, type EntryJob } from './run-entries.js';
import { applyShard, checkShardFolder, formatShard, type ShardRecord, type ShardSpec } from './shard.js';

export interface GenerateOptions {
  /** Config name, config file, or (with overrides.baseUrl + overrides.format) a served model name. */
  model: string;
  overrides?: ConfigOverrides;
  /** Category and group names (comma lists allowed). Optional with `ids` (then taken from the ids). */
  categories?: string[];
  ids?: string[];
  /** First N entries of each category. */
  limit?: number;
  /** Only this part of the selection (`--shard K/N`, see shard.ts). */
  shard?: ShardSpec;
  dataDir?: string;
  /** Results root (default `results`). */
  resultsDir?: string;
  rerunErrors?: boolean;
  /** Resume result files written with other settings (format, sampling, --constrain…) anyway. */
  allowMixedSettings?: boolean;
  /** Graceful stop (no new requests) and hard stop (cancel in-flight ones). */
  stop?: AbortSignal;
  abandon?: AbortSignal;
  progress?: ProgressMode | Progress;
  /** Messages for the user (default: stderr). */
  log?: (message: string) => void;
  env?: NodeJS.ProcessEnv;
  modelsDir?: string;
  /** Use this backend instead of building one from the config (tests, embedding). */
  backend?: Backend;
  /** Use this format instead of the config's (tests). */
  format?: Format;
  /** Backoff settings (attempts come from the config's max_attempts). */
  retry?: Partial<Omit<RetryPolicy, 'maxAttempts'>>;
}

export interface GenerateSummary {
  config: ModelConfig;
  categories: string[];
  files: string[];
  counts: RunCounts;
  interrupted: boolean;
  manifest: string;
  exitCode: number;
}

function categoryOfId(id: string): string {
  return sortKey(id)[1];
}

/** Cases per category after --ids and --limit. Unknown ids are a UserError. */
export function selectCases(byCategory: Map<string, Case[]>, ids?: readonly string[], limit?: number): Map<string, Case[]> {
  const want = ids && ids.length > 0 ? new Set(ids) : undefined;
  const out = new Map<string, Case[]>();
  const seen = new Set<string>();
  for (const [cat, cases] of byCategory) {
    let picked: Case[] = [];
    for (const c of cases) {
      if (seen.has(c.id)) continue; // one line per id, whatever the data holds
      if (want && !want.has(c.id)) continue;
      seen.add(c.id);
      picked.push(c);
    }
    if (limit !== undefined) picked = picked.slice(0, limit);
    out.set(cat, picked);
  }
  if (want) {
    const unknown = [...want].filter((id) => !seen.has(id));
    if (unknown.length > 0) {
      const shown = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? `, … (${unknown.length} in all)` : '');
      throw new UserError(`--ids: no such entry in the selected categories (${[...byCategory.keys()].join(', ')}): ${shown}`);
    }
  }
  return out;
}

/**
 * Categories whose entries need an inference loop (multi-turn: execute the calls on the simulated
 * APIs and ask again, bfcl-spec §8.2; agentic: §9.1). A single request would store a first-turn
 * answer where BFCL stores per-turn step lists, so they are left out rather than written wrong.
 */
export function needsInferenceLoop(category: string): boolean {
  const kind = categoryInfo(category).kind;
  return kind === 'multi_turn' || kind === 'agentic';
}

function generatable(categories: string[], log: (m: string) => void): string[] {
  const skipped = categories.filter(needsInferenceLoop);
  if (skipped.length === 0) return categories;
  const kept = categories.filter((c) => !needsInferenceLoop(c));
  const why = 'they need the multi-turn/agentic inference loop (bfcl-spec §8.2, §9.1), which fcbench generate does not run yet';
  if (kept.length === 0) throw new UserError(`cannot generate ${skipped.join(', ')}: ${why}. Choose single-turn categories (e.g. --categories single_turn).`);
  log(`warning: skipping ${skipped.join(', ')}: ${why}`);
  return kept;
}

function categoriesFor(o: GenerateOptions): string[] {
  if (o.categories && o.categories.length > 0) return expandCategories(o.categories);
  if (o.ids && o.ids.length > 0) {
    const cats = new Set<string>();
    for (const id of o.ids) {
      const cat = categoryOfId(id);
      if (!isCategory(cat)) throw new UserError(`--ids: cannot tell the category of "${id}"; pass --categories as well`);
      cats.add(cat);
    }
    return [...cats].sort();
  }
  throw new UserError('name the categories to generate: --categories LIST|GROUP (e.g. --categories simple_python or --categories non_live)');
}

function backendFor(cfg: ModelConfig, env: NodeJS.ProcessEnv, retry: GenerateOptions['retry']): Backend {
  let apiKey = '';
  if (HTTP_BACKENDS.has(cfg.backend)) {
    if (!cfg.baseUrl) throw new UserError(`model ${cfg.name} (${cfg.source}) has no base_url; add it to the config or pass --base-url URL`);
    const k = resolveApiKey(cfg.apiKeyEnv, cfg.baseUrl, env);
    if ('error' in k) throw new UserError(`model ${cfg.name}: ${k.error}`);
    apiKey = k.key;
  }
  try {
    return createBackend(cfg.backend, {
      model: cfg.model,
      ...(cfg.baseUrl !== undefined ? { baseUrl: cfg.baseUrl } : {}),
      apiKey,
      timeoutMs: Math.round(cfg.timeout * 1000),
      retry: { ...retry, maxAttempts: cfg.maxAttempts },
      ...(cfg.llamaCpp ? { llamaCpp: cfg.llamaCpp } : {}),
    });
  } catch (e) {
    throw new UserError(`model ${cfg.name} (${cfg.source}): ${(e as Error).message}`);
  }
}

/**
 * The format decides what its requests need: an ad-hoc model (no config file, no --endpoint) gets the
 * endpoint the format needs, and sampling the format was defined with fills what the config leaves
 * unset (xlam-bfcl-v1: completions, max_tokens 1200). A config that contradicts the format is bad input.
 */
function fitConfigToFormat(cfg: ModelConfig, format: Format, o: ConfigOverrides): void {
  const wants = format.endpoint ?? 'chat';
  if (cfg.source === '(command line)' && o.endpoint === undefined && o.backend === undefined && HTTP_ENDPOINT_BACKEND[wants] !== cfg.backend && cfg.backend in ENDPOINT_OF) {
    cfg.backend = HTTP_ENDPOINT_BACKEND[wants];
  }
  if (format.defaultSampling?.maxTokens !== undefined && cfg.sampling.maxTokens === undefined) cfg.sampling.maxTokens = format.defaultSampling.maxTokens;
  const has = ENDPOINT_OF[cfg.backend];
  if (has !== undefined && has !== wants) {
    throw new UserError(`model ${cfg.name} (${cfg.source}): format ${format.name} builds ${wants} requests but the ${cfg.backend} backend sends ${has} requests; use --endpoint ${wants}`);
  }
}

const HTTP_ENDPOINT_BACKEND = { chat: 'openai-chat', completions: 'openai-completions' } as const;
const ENDPOINT_OF: Record<string, 'chat' | 'completions'> = { 'openai-chat': 'chat', 'openai-completions': 'completions' };

export async function generate(o: GenerateOptions): Promise<GenerateSummary> {
  const log = o.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const env = o.env ?? process.env;
  const startedAt = new Date();
  const cfg = resolveModelConfig(o.model, o.overrides ?? {}, o.modelsDir ?? MODELS_DIR);
  // Loaded on demand so the run machinery does not depend on every format module at import time.
  const baseFormat = o.format ?? (await import('../formats/index.js')).getFormat(cfg.format);
  fitConfigToFormat(cfg, baseFormat, o.overrides ?? {});
  const format = cfg.constrain ? constrainedFormatFor(cfg, baseFormat, o.backend !== undefined) : baseFormat;
  if (!format.request || !format.resultOf) throw new UserError(`format ${format.name} cannot be used to generate (it only decodes); choose another --format`);
  if (o.limit !== undefined && (!Number.isInteger(o.limit) || o.limit < 1)) throw new UserError(`--limit must be a whole number ≥ 1 (got ${o.limit})`);
  const categories = generatable(categoriesFor(o), log);
  const dataDir = resolveDataDir(o.dataDir);
  const resultsDir = o.resultsDir ?? 'results';

  const loaded = new Map<string, Case[]>();
  for (const cat of categories) {
    const { cases, problems } = loadCategory(dataDir, cat);
    for (const p of problems.slice(0, 5)) log(`warning: ${p.file}:${p.line}: ${p.message}`);
    if (problems.length > 5) log(`warning: … ${problems.length - 5} more problems in the ${cat} data`);
    loaded.set(cat, cases);
  }
  let selected = selectCases(loaded, o.ids, o.limit);
  let shard: ShardRecord | undefined;
  if (o.shard) {
    ({ selected, record: shard } = applyShard(selected, o.shard));
    log(`shard ${formatShard(shard)}: ${shard.ids.length} of the ${shard.selection.count} selected entries`);
  }
  checkShardFolder(manifestPath(resultsDir, cfg.name), shard);
  const backend = o.backend ?? backendFor(cfg, env, o.retry);

  // Open every result file (repairs, locks, --rerun-errors) before sending anything.
  const stores = new Map<string, ResultStore>();
  const jobs: EntryJob[] = [];
  let selectedCount = 0;
  let alreadyDone = 0;
  try {
    for (const [cat, cases] of selected) {
      const chosen = new Set(cases.map((c) => c.id));
      const store = ResultStore.open(resultFilePath(resultsDir, cfg.name, cat), o.rerunErrors ? { dropErrors: (id) => chosen.has(id) } : {});
      stores.set(cat, store);
      for (const n of store.notes) log(`note: ${n}`);
      for (const c of cases) {
        selectedCount++;
        if (store.has(c.id)) alreadyDone++;
        else jobs.push({ case: c, store });
      }
    }
  } catch (e) {
    for (const s of stores.values()) s.close();
    throw e;
  }

  const progress = typeof o.progress === 'object' ? o.progress : createProgress({ mode: o.progress ?? 'auto' });
  if (alreadyDone > 0) {
    progress.note(`${cfg.name}: ${alreadyDone} of ${selectedCount} entries already have a line; generating the other ${jobs.length}`);
    const drift = jobs.length > 0 ? settingsDrift(manifestPath(resultsDir, cfg.name), cfg) : undefined;
    if (drift && !o.allowMixedSettings) {
      for (const s of stores.values()) s.close();
      throw new UserError(`refusing to resume: ${drift}`);
    }
    if (drift) progress.note(`warning: ${drift}`);
  }
  if (jobs.length > 0 && backend.open) {
    // An embedded model is downloaded and loaded here, before the progress bar, and a failure is bad input.
    try {
      await backend.open();
    } catch (e) {
      for (const s of stores.values()) s.close();
      await backend.close?.();
      throw e instanceof UserError ? e : new UserError(`model ${cfg.name} (${cfg.source}): ${(e as Error).message}`);
    }
  }
  const describe = jobs.length > 0 && backend.describe ? backend.describe() : Promise.resolve(undefined);
  progress.start(jobs.length);
  let result;
  try {
    result = await runEntries({
      jobs,
      format,
      backend,
      sampling: cfg.sampling,
      concurrency: cfg.concurrency,
      ...(o.stop ? { stop: o.stop } : {}),
      ...(o.abandon ? { abandon: o.abandon } : {}),
      onEntry: (_id, ok) => progress.tick(ok),
    });
  } finally {
    progress.stop();
  }

  let errorsRemaining = 0;
  let missing = 0;
  for (const [cat, cases] of selected) {
    const store = stores.get(cat)!;
    for (const c of cases) {
      if (!store.has(c.id)) missing++;
      else if (store.isError(c.id)) errorsRemaining++;
    }
  }
  const files = [...stores.values()].map((s) => s.path);
  for (const s of stores.values()) s.close(compareIds);
  await backend.close?.();

  const interrupted = result.notStarted + result.abandoned > 0;
  const counts: RunCounts = { selected: selectedCount, alreadyDone, generated: result.answered + result.errors, inferenceErrors: result.errors, errorsRemaining, missing };
  const manifest = manifestPath(resultsDir, cfg.name);
  const sources = [...selected.values()].flat().map((c) => c.source?.file).filter((f): f is string => typeof f === 'string');
  appendRunRecord(manifest, {
    command: 'generate',
    fcbench_version: fcbenchVersion(),
    node_version: process.version,
    started_at: startedAt.toISOString(),
    ended_at: new Date().toISOString(),
    interrupted,
    model: cfg,
    endpoint: { backend: cfg.backend, ...(cfg.baseUrl !== undefined ? { base_url: cfg.baseUrl } : {}), models: await describe },
    dataset: { dir: dataDir, files: await datasetChecksums(sources) },
    categories,
    options: { ...(o.ids ? { ids: o.ids } : {}), ...(o.limit !== undefined ? { limit: o.limit } : {}), rerun_errors: o.rerunErrors ?? false },
    counts,
    ...(shard ? { shard } : {}),
  });

  if (result.fatal) {
    throw new UserError(`${result.fatal.message}\nStopped: nothing more was sent. ${counts.generated} entries were written; run the same command again once this is fixed.`, EXIT.badInput);
  }
  const summary = `${cfg.name}: ${selectedCount} entries selected, ${alreadyDone} already done, ${counts.generated} generated (${result.errors} inference errors)`;
  log(summary);
  if (interrupted) log(`interrupted: ${missing} entries have no line yet; run the same command again to resume.`);
  if (errorsRemaining > 0) log(`${errorsRemaining} entries hold an inference error ("Error during inference: …"); fix the endpoint and run again with --rerun-errors.`);
  const exitCode = missing > 0 || errorsRemaining > 0 ? EXIT.incomplete : EXIT.ok;
  return { config: cfg, categories, files, counts, interrupted, manifest, exitCode };
}
