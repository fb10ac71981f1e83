/**
 * The run manifest beside the results (`<results>/<model_dir>/run-manifest.json`): what produced
 * the result files — fcbench version, dataset file sha256s, model config, sampling, what the
 * endpoint said about itself, times and counts. One record per generate invocation, oldest first.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { modelDirName } from '../data/categories.js';
import { PROJECT_ROOT } from '../data/locations.js';
import { sha256File } from '../data/manifest.js';
import type { ModelConfig } from './model-config.js';
import type { ShardRecord } from './shard.js';
import { writeFileAtomic } from './result-store.js';

export const MANIFEST_NAME = 'run-manifest.json';

export interface RunCounts {
  selected: number;
  alreadyDone: number;
  generated: number;
  inferenceErrors: number;
  errorsRemaining: number;
  missing: number;
}

export interface RunRecord {
  command: 'generate';
  fcbench_version: string;
  node_version: string;
  started_at: string;
  ended_at: string;
  interrupted: boolean;
  model: ModelConfig;
  endpoint: { backend: string; base_url?: string; models: unknown };
  dataset: { dir: string; files: Record<string, string> };
  categories: string[];
  options: { ids?: string[]; limit?: number; rerun_errors: boolean };
  counts: RunCounts;
  /** Present when the run generated one shard (`--shard K/N`) of the selection. */
  shard?: ShardRecord;
}

export function fcbenchVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function manifestPath(resultsDir: string, model: string): string {
  return join(resultsDir, modelDirName(model), MANIFEST_NAME);
}

/** sha256 of each dataset file, keyed by file name. */
export async function datasetChecksums(files: Iterable<string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of [...new Set(files)].sort()) out[f.split(/[\\/]/).pop()!] = await sha256File(f);
  return out;
}

/** Adds one record to the manifest (atomic rewrite; an unreadable old manifest is kept aside in the record list as a note). */
export function appendRunRecord(path: string, record: RunRecord): void {
  let runs: unknown[] = [];
  if (existsSync(path)) {
    try {
      const old = JSON.parse(readFileSync(path, 'utf8')) as { runs?: unknown[] };
      if (Array.isArray(old.runs)) runs = old.runs;
    } catch {
      runs = [{ note: `an unreadable earlier ${MANIFEST_NAME} was replaced` }];
    }
  }
  runs.push(record);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, JSON.stringify({ fcbench_manifest: 1, runs }, null, 2) + '\n');
}

/** What must not change between runs that write into the same result files (settings that change answers). */
export function settingsFingerprint(m: Pick<ModelConfig, 'model' | 'backend' | 'format' | 'sampling' | 'constrain'>): Record<string, unknown> {
  const s = m.sampling;
  return {
    model: m.model,
    backend: m.backend,
    format: m.format,
    temperature: s.temperature,
    top_p: s.topP,
    max_tokens: s.maxTokens ?? null,
    seed: s.seed ?? null,
    stop: s.stop ?? null,
    constrain: m.constrain ?? false,
  };
}

/**
 * When the last run recorded in the manifest used other settings than `cfg` (format, model id,
 * backend, sampling), a message naming the differences: resuming would mix answers produced two
 * ways in one result file. Undefined when they match or there is no earlier run.
 */
export function settingsDrift(path: string, cfg: ModelConfig): string | undefined {
  if (!existsSync(path)) return undefined;
  let last: RunRecord | undefined;
  try {
    const runs = (JSON.parse(readFileSync(path, 'utf8')) as { runs?: RunRecord[] }).runs ?? [];
    last = [...runs].reverse().find((r) => r && typeof r === 'object' && 'model' in r && r.counts?.generated > 0);
  } catch {
    return undefined;
  }
  if (!last?.model?.sampling) return undefined;
  const before = settingsFingerprint(last.model);
  const now = settingsFingerprint(cfg);
  const diffs = Object.keys(now)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(now[k]))
    .map((k) => `${k} ${JSON.stringify(before[k])} → ${JSON.stringify(now[k])}`);
  if (diffs.length === 0) return undefined;
  return `the results beside ${path} were generated (${last.started_at}) with other settings: ${diffs.join(', ')}. Entries already present will not be regenerated, so the files would mix both; use another --results folder, delete the old files to start over, or pass --allow-mixed-settings.`;
}
