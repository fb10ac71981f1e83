/** `fcbench evaluate`: score BFCL-layout result files, write score files and leaderboard CSVs, print a table. */
import type { Argv } from 'yargs';
import { EXIT, UserError } from '../core/errors.js';
import type { Format } from '../core/format.js';
import { expandCategories, modelDirName } from '../data/categories.js';
import { resolveDataDir } from '../data/dataset.js';
import { guessFormatName } from '../formats/guess.js';
import { formatNames, getFormat } from '../formats/index.js';
import type { PyValue } from '../core/pyvalue.js';
import { loadCustomRegistry } from '../check/exec/custom-module.js';
import { loadSuite } from '../data/suite.js';
import { evaluate, type EvaluateReport } from '../run/evaluate.js';
import { customExecContext } from '../run/evaluate-exec.js';
import { listModelNames, resolveModelConfig, type ModelConfig } from '../run/model-config.js';
import { writeLeaderboards } from '../report/csv.js';
import { readScoresDir, toModelScores } from '../report/score-folder.js';
import { buildLeaderboards, type ModelScores } from '../score/leaderboard.js';
import type { Command } from './command.js';
import { runEvaluateV1 } from './evaluate-v1.js';

export interface EvaluateFlags {
  results: string;
  scores: string;
  data?: string;
  model?: string[];
  categories?: string;
  format?: string;
  suite?: string;
  partial: boolean;
  profile?: 'bfcl-v4' | 'bfcl-v1';
  /** bfcl-v1: official score folders replayed for web-API exec calls. */
  replayScores?: string[];
}

/** The model config whose results folder is `model` (configs/models/), if any. */
function configForFolder(model: string): ModelConfig | undefined {
  const name = listModelNames().find((n) => modelDirName(n) === model);
  return name === undefined ? undefined : resolveModelConfig(name);
}

/**
 * The decoder for a model folder: `--format`; else the format of the model config with that name;
 * else a guess from the stored results, said aloud (text → bfcl-prompt, BFCL's default decoder).
 */
export function formatResolver(flag: string | undefined, note: (s: string) => void = (s) => console.error(s)): (model: string, sample: readonly PyValue[]) => Format {
  if (flag !== undefined) {
    const f = getFormat(flag);
    return () => f;
  }
  const cache = new Map<string, Format>();
  return (model, sample) => {
    let f = cache.get(model);
    if (!f) {
      const config = configForFolder(model);
      if (config) f = getFormat(config.format);
      else {
        const guess = guessFormatName(sample);
        note(`fcbench: ${model} has no model config: decoding its results as ${guess} (guessed from them); pass --format to choose (${formatNames().join(', ')})`);
        f = getFormat(guess);
      }
      cache.set(model, f);
    }
    return f;
  };
}

/**
 * BFCL rebuilds the leaderboard CSVs from every score file under the scores folder, so models scored
 * earlier stay in the tables; cost and latency come from the results evaluated in this run.
 */
function writeCsvs(scoresDir: string, report: EvaluateReport): string[] {
  const models: ModelScores[] = readScoresDir(scoresDir).map((folder) => {
    const config = configForFolder(folder.model);
    const meta: Partial<ModelScores> = {};
    const usage = report.usage.get(folder.model);
    if (usage) meta.usage = usage;
    if (config) {
      meta.displayName = config.displayName;
      if (config.url) meta.url = config.url;
      if (config.organization) meta.organization = config.organization;
      if (config.license) meta.license = config.license;
      if (config.price) meta.pricing = config.price;
    }
    return toModelScores(folder, meta);
  });
  return writeLeaderboards(scoresDir, buildLeaderboards('bfcl-v4', models));
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

export function printReport(r: EvaluateReport, out: (s: string) => void = console.log): void {
  const rows = [['model', 'category', 'correct', 'total', 'accuracy', 'unparsed', 'endpoint errors']];
  for (const s of r.scores) rows.push([s.model, s.category, String(s.correct), String(s.total), pct(s.accuracy), String(s.decodeFailures), String(s.inferenceErrors)]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) out(row.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  for (const s of r.skipped) out(`skipped ${s.model}/${s.category}: ${s.reason}`);
}

export async function runEvaluate(a: EvaluateFlags): Promise<number> {
  if (a.profile === 'bfcl-v1') return runEvaluateV1(a);
  return (await evaluateAndPrint(a)).code;
}

/** Evaluate, write CSVs, print the table and the problems; the exit code and the report. */
export async function evaluateAndPrint(a: EvaluateFlags): Promise<{ code: number; report: EvaluateReport }> {
  const suite = a.suite === undefined ? undefined : loadSuite(a.suite);
  const report = await evaluate({
    resultsDir: a.results,
    scoresDir: a.scores,
    dataDir: resolveDataDir(a.data),
    ...(a.model?.length ? { models: a.model } : {}),
    ...(a.categories ? { categories: expandCategories([a.categories]) } : {}),
    formatFor: formatResolver(a.format),
    partial: a.partial,
    ...(suite ? { suite } : {}),
    ...(suite?.execModule ? { exec: customExecContext(await loadCustomRegistry(suite.execModule)) } : {}),
  });
  printReport(report);
  const csvs = report.scores.length ? writeCsvs(a.scores, report) : [];
  if (csvs.length) console.log(`leaderboard: ${csvs.join(', ')}`);
  for (const p of report.problems) console.error(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  return { code: report.problems.length ? EXIT.badInput : EXIT.ok, report };
}

export const evaluateCommand: Command = {
  command: 'evaluate',
  describe: 'Score BFCL-layout result files: write score files and leaderboard CSVs, print a table',
  builder: (y: Argv) =>
    y
      .option('results', { type: 'string', default: 'results', describe: 'results root (<model>/<group>/BFCL_v4_<category>_result.json)' })
      .option('scores', { type: 'string', default: 'scores', describe: 'where score files and CSVs go' })
      .option('data', { type: 'string', describe: 'BFCL data folder (default datasets/bfcl-v4)' })
      .option('model', { type: 'string', array: true, describe: 'model folder(s) to evaluate (default: all found)' })
      .option('categories', { type: 'string', describe: 'categories or groups, comma separated (default: all found)' })
      .option('format', { type: 'string', describe: "decoder for the results (default: the model config's format, else guessed from the results and said)" })
      .option('profile', { choices: ['bfcl-v4', 'bfcl-v1'] as const, default: 'bfcl-v4' as const, describe: 'scoring rules (bfcl-v1: the 2024 v1 evaluator; --results <run>/result, --data <gorilla main_* folder>)' })
      .option('replay-scores', { type: 'string', array: true, describe: 'bfcl-v1: official score folders whose recorded web-API results are replayed (default <results>/../score)' })
      .option('suite', { type: 'string', describe: 'a user suite (suite.json): its categories, data folder and functions module' })
      .option('partial', { type: 'boolean', default: false, describe: 'score only the ids present in the result files' }),
  run: (a) => runEvaluate(a as EvaluateFlags),
};
