/**
 * `fcbench evaluate --profile bfcl-v1`: score 2024 (BFCL v1) result folders with evaluateV1(), write the v1
 * score files `<scores>/<model>/<cat>_score.json` and the v1 `data.csv`, print a per-model per-category table
 * and the number of entries left out because their verdict needs the network.
 *
 *   fcbench evaluate --profile bfcl-v1 --results <run>/result --data <gorilla main_*> [--scores DIR]
 *                    [--replay-scores DIR…] [--model M…] [--categories C,…] [--format v1-family]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EXIT, UserError } from '../core/errors.js';
import { parsePyJson } from '../core/pyjson.js';
import { PyDict } from '../core/pyvalue.js';
import type { JsonlProblem } from '../data/jsonl.js';
import { findV1ResultFolders } from '../data/v1-files.js';
import { loadV1ModelRegistry } from '../data/v1-models.js';
import { v1FormatForModel } from '../formats/v1-families.js';
import { evaluateV1, type EvaluateV1Options, type EvaluateV1Report } from '../run/evaluate-v1.js';
import { writeLeaderboards } from '../report/csv.js';
import { V1_COUNTS } from '../score/aggregate-categories.js';
import { buildLeaderboards, type ModelScores } from '../score/leaderboard.js';

export interface EvaluateV1Flags {
  results: string;
  scores: string;
  data?: string;
  model?: string[];
  categories?: string;
  format?: string;
  /** Official score folders whose recorded execution results feed the replay table (default `<results>/../score`). */
  replayScores?: string[];
}

/** What the CLI keeps of an evaluateV1() report (small enough to pass back from a worker thread). */
export interface V1RunSummary {
  revision: string;
  scores: Array<{ model: string; category: string; correct: number; total: number; accuracy: number; skipped: number }>;
  problems: JsonlProblem[];
  usage: Array<[string, { latencies: number[]; inputTokens: number[]; outputTokens: number[] }]>;
  replayRecords: number;
}

export function summarizeV1(r: EvaluateV1Report): V1RunSummary {
  return {
    revision: r.revision,
    scores: r.scores.map((s) => ({ model: s.model, category: s.category, correct: s.correct, total: s.total, accuracy: s.accuracy, skipped: s.skipped.length })),
    problems: r.problems,
    usage: [...r.usage],
    replayRecords: r.replayRecords,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** The per-model per-category table and the skipped (needs-network) count. */
export function printReportV1(r: V1RunSummary, out: (s: string) => void = console.log): void {
  const rows = [['model', 'category', 'correct', 'total', 'accuracy', 'skipped']];
  let skipped = 0;
  for (const s of r.scores) {
    rows.push([s.model, s.category, String(s.correct), String(s.total), pct(s.accuracy), String(s.skipped)]);
    skipped += s.skipped;
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) out(row.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  const models = new Set(r.scores.map((s) => s.model)).size;
  const correct = r.scores.reduce((n, s) => n + s.correct, 0);
  const total = r.scores.reduce((n, s) => n + s.total, 0);
  out(`${models} model(s), evaluator revision ${r.revision}, ${r.replayRecords} recorded web-API results replayed: ${correct}/${total} correct; ${skipped} entries skipped (verdict needs the network: REST calls past the decode stage, unrecorded web-API calls), not counted`);
}

/** Header line of a v1 score file, read without parsing the (large) failure lines. */
function headerOf(file: string): ModelScores['categories'][string] | undefined {
  const text = readFileSync(file, 'utf8');
  const nl = text.indexOf('\n');
  const h = parsePyJson(nl < 0 ? text : text.slice(0, nl));
  if (!(h instanceof PyDict)) return undefined;
  const n = (k: string): number => Number(h.get(k) as number);
  return { accuracy: n('accuracy'), correctCount: n('correct_count'), totalCount: n('total_count') };
}

/**
 * The leaderboard input: the models scored now (from the report), plus any other v1 model folders already in
 * the scores folder (headers only), as BFCL rebuilt data.csv from its whole score folder.
 */
export function v1LeaderboardModels(scoresDir: string, r: V1RunSummary): ModelScores[] {
  const usageOf = new Map(r.usage);
  const byModel = new Map<string, ModelScores>();
  for (const s of r.scores) {
    let m = byModel.get(s.model);
    if (!m) {
      m = { model: s.model, categories: {} };
      const usage = usageOf.get(s.model);
      if (usage && usage.latencies.length) m.usage = usage;
      byModel.set(s.model, m);
    }
    m.categories[s.category] = { accuracy: s.accuracy, correctCount: s.correct, totalCount: s.total };
  }
  if (existsSync(scoresDir)) {
    for (const name of readdirSync(scoresDir).sort()) {
      const dir = join(scoresDir, name);
      if (byModel.has(name) || !statSync(dir).isDirectory()) continue;
      const categories: ModelScores['categories'] = {};
      for (const c of Object.keys(V1_COUNTS)) {
        const f = join(dir, `${c}_score.json`);
        const h = existsSync(f) ? headerOf(f) : undefined;
        if (h) categories[c] = h;
      }
      if (Object.keys(categories).length) byModel.set(name, { model: name, categories });
    }
  }
  return [...byModel.values()];
}

/** The compiled worker next to this module (absent when running from TypeScript sources, e.g. under vitest). */
const WORKER_FILE = fileURLToPath(new URL('./evaluate-v1-worker.js', import.meta.url));

/** Score in `workers` threads, models split round-robin; each thread writes its models' score files. */
async function evaluateInWorkers(opts: EvaluateV1Options, models: string[], workers: number): Promise<V1RunSummary> {
  const groups: string[][] = Array.from({ length: workers }, () => []);
  models.forEach((m, i) => groups[i % workers]!.push(m));
  const parts = await Promise.all(
    groups.map(
      (group) =>
        new Promise<V1RunSummary>((resolve, reject) => {
          const w = new Worker(WORKER_FILE, { workerData: { ...opts, models: group } });
          w.once('message', (m: { ok: true; summary: V1RunSummary } | { ok: false; message: string; user: boolean }) => {
            if (m.ok) resolve(m.summary);
            else reject(m.user ? new UserError(m.message) : new Error(m.message));
          });
          w.once('error', reject);
          w.once('exit', (code) => code !== 0 && reject(new Error(`bfcl-v1 worker exited with code ${code}`)));
        }),
    ),
  );
  const order = new Map(models.map((m, i) => [m, i]));
  return {
    revision: parts[0]!.revision,
    scores: parts.flatMap((p) => p.scores).sort((a, b) => order.get(a.model)! - order.get(b.model)!),
    problems: parts.flatMap((p) => p.problems),
    usage: parts.flatMap((p) => p.usage),
    replayRecords: parts[0]!.replayRecords,
  };
}

/**
 * `fcbench evaluate --profile bfcl-v1`. With several model folders and a compiled build, the models are
 * split over two worker threads (`threads`, default min(2, cores)); the numbers do not depend on it.
 */
export async function runEvaluateV1(a: EvaluateV1Flags, out: (s: string) => void = console.log, threads?: number): Promise<number> {
  if (!a.data) throw new UserError('--profile bfcl-v1 needs --data: a BFCL v1 data folder or a gorilla snapshot (e.g. real-results/gorilla/main_de8307b4)', EXIT.badInput);
  const opts: EvaluateV1Options = {
    resultsDir: a.results,
    dataDir: a.data,
    scoresDir: a.scores,
    ...(a.model?.length ? { models: a.model } : {}),
    ...(a.categories ? { categories: a.categories.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
    ...(a.format ? { format: a.format } : {}),
    ...(a.replayScores?.length ? { replayScoresDirs: a.replayScores } : {}),
  };
  const models = findV1ResultFolders(a.results).map((f) => f.model).filter((m) => !a.model?.length || a.model.includes(m));
  // Fail on an unknown folder before starting any thread (evaluateV1 checks again).
  const registry = loadV1ModelRegistry();
  for (const m of models) v1FormatForModel(registry, m, a.format);
  const workers = Math.min(threads ?? Math.min(2, availableParallelism()), Math.floor(models.length / 2));
  const summary = workers >= 2 && existsSync(WORKER_FILE) && !a.model?.length ? await evaluateInWorkers(opts, models, workers) : summarizeV1(await evaluateV1(opts));
  printReportV1(summary, out);
  if (summary.scores.length) {
    const csvs = writeLeaderboards(a.scores, buildLeaderboards('bfcl-v1', v1LeaderboardModels(a.scores, summary)));
    out(`leaderboard: ${csvs.join(', ')}`);
  }
  for (const p of summary.problems) console.error(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  return summary.problems.length ? EXIT.badInput : EXIT.ok;
}
