/**
 * `fcbench evaluate --profile bfcl-v1`: score 2024 (BFCL v1) result folders the way the v1 evaluator did
 * (bfcl-spec-v1.md), and write v1 score files `<scores>/<model>/<category>_score.json`.
 *
 *   const report = await evaluateV1({ resultsDir: '<run>/result', scoresDir: 'scores', dataDir: '<gorilla>/data' });
 *
 * Model folders are mapped to their decoder family by configs/v1-models.json (or `format`). Executable
 * entries run on the executable checker; web-API functions are replayed from the recorded ground-truth
 * results in official score files (`replayScoresDirs`; by default `<resultsDir>/../score`). REST entries
 * that pass the decode stage, and entries whose verdict needs the network, are listed with
 * `"skipped": true` and left out of `total_count`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExpectedResults } from '../check/exec/checker.js';
import { bfclRegistry } from '../check/exec/library.js';
import type { Registry } from '../check/exec/registry.js';
import { replayRegistry, type RecordedCall } from '../check/v1-replay.js';
import { UserError } from '../core/errors.js';
import type { JsonlProblem } from '../data/jsonl.js';
import { findV1ResultFolders, loadV1Category, readV1Results, resolveV1DataDir, v1CategoryInfo, v1QuestionFile, v1ResultFile, v1ScoreFile } from '../data/v1-files.js';
import { loadV1ModelRegistry } from '../data/v1-models.js';
import { readReplayRecords } from '../data/v1-replay-records.js';
import { v1FormatForModel } from '../formats/v1-families.js';
import type { V1Revision } from '../score/v1-entry.js';
import { scoreExecEntryV1, expectedFor } from '../score/v1-exec.js';
import { scoreCategoryV1, scoreFileTextV1, type V1CategoryScore, type V1ScoredEntry } from '../score/v1-lines.js';
import { scoreEntriesV1 } from '../score/v1-score.js';

export interface EvaluateV1Options {
  /** A v1 `result` folder: `<model>/gorilla_openfunctions_v1_test_<cat>_result.json`. */
  resultsDir: string;
  /** Where to write `<model>/<cat>_score.json`; nothing is written when undefined. */
  scoresDir?: string;
  /** The v1 data folder (or a gorilla snapshot holding berkeley-function-call-leaderboard/data). */
  dataDir: string;
  models?: string[];
  categories?: string[];
  /** A v1 family name (`v1-xlam`, …) for every model, instead of the registry. */
  format?: string;
  /** Official score folders whose recorded execution results feed the replay table (first = primary). */
  replayScoresDirs?: string[];
  /** Evaluator revision; detected from the data when absent. */
  revision?: V1Revision;
}

export interface V1ModelCategoryScore extends V1CategoryScore {
  model: string;
  scoreFile?: string;
}

export interface EvaluateV1Report {
  revision: V1Revision;
  scores: V1ModelCategoryScore[];
  problems: JsonlProblem[];
  /** Latency per model (API models), for the leaderboard's latency columns. */
  usage: Map<string, { latencies: number[]; inputTokens: number[]; outputTokens: number[] }>;
  /** How many recorded ground-truth results fed the replay table. */
  replayRecords: number;
}

/** sha256 of the 2024-07-25 dataset's executable_parallel_function file (before the #568 rewrite). */
const DATA_56F2CB21_EXEC_PARALLEL = 'a3b92e711277b51b2f2285fef676439fc6466e11cc12c69a3319e522c0a917ea';

/** The evaluator revision that goes with a v1 dataset: 56f2cb21 for the July data, de8307b4 otherwise. */
export function detectV1Revision(dataDir: string): V1Revision {
  const f = v1QuestionFile(dataDir, 'executable_parallel_function');
  if (!existsSync(f)) return 'de8307b4';
  const h = createHash('sha256').update(readFileSync(f)).digest('hex');
  return h === DATA_56F2CB21_EXEC_PARALLEL ? '56f2cb21' : 'de8307b4';
}

function defaultReplayDirs(resultsDir: string): string[] {
  const own = join(dirname(resultsDir), 'score');
  return existsSync(own) ? [own] : [];
}

export async function evaluateV1(opts: EvaluateV1Options): Promise<EvaluateV1Report> {
  const dataDir = resolveV1DataDir(opts.dataDir);
  const revision = opts.revision ?? detectV1Revision(dataDir);
  const registry = loadV1ModelRegistry();
  const folders = findV1ResultFolders(opts.resultsDir).filter((f) => !opts.models?.length || opts.models.includes(f.model));
  if (opts.models?.length) {
    const missing = opts.models.filter((m) => !folders.some((f) => f.model === m));
    if (missing.length) throw new UserError(`--model ${missing.join(', ')}: no v1 result files under ${opts.resultsDir}`);
  }
  for (const c of opts.categories ?? []) if (!v1CategoryInfo(c)) throw new UserError(`--categories: "${c}" is not a scored BFCL v1 category`);
  // Resolve every format first, so an unknown folder fails before any work.
  const formats = new Map(folders.map((f) => [f.model, v1FormatForModel(registry, f.model, opts.format)]));

  const replayDirs = opts.replayScoresDirs ?? defaultReplayDirs(opts.resultsDir);
  const recorded: RecordedCall[][] = replayDirs.map((d) => readReplayRecords(d));
  let execRegistry: Registry | undefined;
  const execRegistryOf = (): Registry => (execRegistry ??= replayRegistry(bfclRegistry(), recorded[0] ?? [], recorded.slice(1).flat()));
  const expectedCache = new Map<string, Promise<ExpectedResults>>();

  const report: EvaluateV1Report = { revision, scores: [], problems: [], usage: new Map(), replayRecords: recorded.reduce((n, r) => n + r.length, 0) };
  for (const { model, categories } of folders) {
    const format = formats.get(model)!;
    const usage = { latencies: [] as number[], inputTokens: [] as number[], outputTokens: [] as number[] };
    for (const category of categories) {
      if (opts.categories?.length && !opts.categories.includes(category)) continue;
      const info = v1CategoryInfo(category)!;
      const data = loadV1Category(dataDir, category);
      const resultFile = v1ResultFile(opts.resultsDir, model, category);
      const read = readV1Results(resultFile);
      report.problems.push(...read.problems);
      if (read.lines.length !== data.entries.length) {
        report.problems.push({ file: resultFile, line: 0, message: `${read.lines.length} result lines for ${data.entries.length} questions (BFCL v1 pairs them by line index)` });
      }
      for (const l of read.lines) {
        if (l.latency !== undefined) usage.latencies.push(l.latency);
        if (l.inputTokens !== undefined) usage.inputTokens.push(l.inputTokens);
        if (l.outputTokens !== undefined) usage.outputTokens.push(l.outputTokens);
      }
      const results = read.lines.map((l) => l.result);
      let scored: V1ScoredEntry[];
      if (info.kind === 'ast' || info.kind === 'relevance') {
        scored = scoreEntriesV1(info, data.entries, results, format, revision);
      } else {
        scored = [];
        const reg = execRegistryOf();
        const n = Math.min(results.length, data.entries.length);
        for (let i = 0; i < n; i++) {
          const raw = data.entries[i]!.testCase.raw;
          const key = `${dataDir}\0${category}\0${i}`;
          let expected = expectedCache.get(key);
          if (!expected && info.kind === 'exec') {
            expected = expectedFor(raw, reg);
            expectedCache.set(key, expected);
          }
          const o = await scoreExecEntryV1(category, raw, results[i]!, format, reg, (await expected) ?? { ok: true, results: [] });
          const e: V1ScoredEntry = { index: i, prompt: raw, result: results[i]!, verdict: o.verdict };
          if (o.skipped) e.skipped = o.skipped;
          if (o.executedOutput !== undefined) e.executedOutput = o.executedOutput;
          if (o.executionResult !== undefined) e.executionResult = o.executionResult;
          scored.push(e);
        }
      }
      const score: V1ModelCategoryScore = { ...scoreCategoryV1(category, scored), model };
      if (opts.scoresDir) {
        const file = v1ScoreFile(opts.scoresDir, model, category);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, scoreFileTextV1(model, category, info.kind, score));
        score.scoreFile = file;
      }
      report.scores.push(score);
    }
    report.usage.set(model, usage);
  }
  return report;
}
