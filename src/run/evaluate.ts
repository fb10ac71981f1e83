/**
 * `fcbench evaluate`: read BFCL-layout result files, decode and check every entry, write BFCL-layout
 * score files (one per model and category) and print a table. Bad lines are reported and the rest scored.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Format } from '../core/format.js';
import { dumpsPyJson } from '../core/pyjson.js';
import { pyRepr } from '../core/pyrepr.js';
import { PyDict, type PyValue } from '../core/pyvalue.js';
import { categoryInfo, isCategory, languageOf, scoreFilePath, type CategoryInfo } from '../data/categories.js';
import { loadCategoryOf, type LoadedCategory } from '../data/dataset.js';
import type { Suite } from '../data/suite.js';
import type { JsonlProblem } from '../data/jsonl.js';
import { findResultFiles, readResultFile } from '../data/results.js';
import { failureLine, scoreCategory, scoreHeader, type CategoryScore, type ScoredEntry } from '../score/category.js';
import { scoreEntry } from '../score/entry.js';
import { bfclExecContext, scoreExecEntries, type ExecContext } from './evaluate-exec.js';
import { isInferenceErrorLine } from './result-store.js';

export interface EvaluateOptions {
  resultsDir: string;
  scoresDir: string;
  dataDir: string;
  /** Model folder names to evaluate; all found when empty. */
  models?: string[];
  /** Categories to evaluate; all found when empty. */
  categories?: string[];
  /** The format of each model's results (decoder to use). */
  formatFor: (model: string, sample: readonly PyValue[]) => Format;
  /** Score only the ids present (otherwise missing ids are reported as a problem). */
  partial: boolean;
  /** A user suite: its categories are read from its folder (and checked with its functions module). */
  suite?: Suite;
  /** How executable categories are checked (default: the BFCL function library, offline). */
  exec?: ExecContext;
}

export interface ModelCategoryScore extends CategoryScore {
  model: string;
  scoreFile: string;
}

export interface EvaluateReport {
  scores: ModelCategoryScore[];
  /** Bad lines, unknown ids, missing ids, unsupported categories: each says where. */
  problems: JsonlProblem[];
  /** Categories found in the results that this evaluator does not score (yet). */
  skipped: Array<{ model: string; category: string; reason: string }>;
  /** Latency and token figures per model, for the leaderboard's cost/latency columns. */
  usage: Map<string, { latencies: number[]; inputTokens: number[]; outputTokens: number[] }>;
}

function infoOf(category: string, suite: Suite | undefined): CategoryInfo | undefined {
  const own = suite?.categories.find((c) => c.name === category);
  if (own) return own;
  return suite === undefined && isCategory(category) ? categoryInfo(category) : undefined;
}


/** json.dumps of a score line; a value JSON cannot hold (e.g. a tuple dict key) is written as its repr. */
function dumpLine(line: PyDict): string {
  try {
    return dumpsPyJson(line);
  } catch {
    const safe = new PyDict(line.entries().map(([k, v]) => [k, safeValue(v)] as [PyValue, PyValue]));
    return dumpsPyJson(safe);
  }
}

function safeValue(v: PyValue): PyValue {
  try {
    dumpsPyJson(v);
    return v;
  } catch {
    return pyRepr(v);
  }
}

/**
 * Written whole, then renamed: a reader never sees half a file. No fsync: score files can be rebuilt
 * from the results at any time, and 100+ fsyncs would dominate a fast evaluation.
 */
function writeScoreFile(path: string, lines: string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, lines.join('\n') + '\n');
  renameSync(tmp, path);
}

export async function evaluate(opts: EvaluateOptions): Promise<EvaluateReport> {
  const report: EvaluateReport = { scores: [], problems: [], skipped: [], usage: new Map() };
  let files = findResultFiles(opts.resultsDir);
  if (opts.models?.length) {
    const wanted = new Set(opts.models.map((m) => m.replaceAll('/', '_')));
    const found = new Set(files.map((f) => f.model));
    const missing = [...wanted].filter((m) => !found.has(m));
    if (missing.length) throw new UserError(`no result files for model ${missing.join(', ')} under ${opts.resultsDir} (found: ${[...found].join(', ') || 'none'})`);
    files = files.filter((f) => wanted.has(f.model));
  }
  if (opts.categories?.length) {
    const wanted = new Set(opts.categories);
    files = files.filter((f) => wanted.has(f.category));
  }
  if (files.length === 0) throw new UserError(`no result files found under ${opts.resultsDir} (expected <model>/<group>/BFCL_v4_<category>_result.json)`);

  const datasets = new Map<string, LoadedCategory>();
  let exec = opts.exec;
  for (const file of files) {
    const info = infoOf(file.category, opts.suite);
    const kind = info?.kind;
    if (!info || (kind !== 'ast' && kind !== 'relevance' && kind !== 'exec')) {
      const reason = info ? `${kind} categories are not scored by fcbench yet` : opts.suite ? `not a category of suite ${opts.suite.name}` : 'not a known category';
      report.skipped.push({ model: file.model, category: file.category, reason });
      continue;
    }
    let data = datasets.get(file.category);
    if (!data) {
      data = loadCategoryOf(opts.suite?.dir ?? opts.dataDir, info);
      datasets.set(file.category, data);
      report.problems.push(...data.problems);
    }
    const read = readResultFile(file.path);
    report.problems.push(...read.problems);
    const format = opts.formatFor(file.model, [...read.entries.values()].slice(0, 50).map((l) => l.result));
    const language = languageOf(file.category);
    const usage = report.usage.get(file.model) ?? { latencies: [], inputTokens: [], outputTokens: [] };
    report.usage.set(file.model, usage);

    const known = new Set(data.cases.map((c) => c.id));
    for (const testCase of data.cases) {
      const line = read.entries.get(testCase.id);
      if (line && kind !== 'relevance' && !data.answers.has(testCase.id)) {
        report.problems.push({ file: file.path, line: line.line, message: `no possible answer for ${testCase.id} in the dataset; entry not scored` });
      }
    }
    let entries: ScoredEntry[] = [];
    if (kind === 'exec') {
      exec ??= bfclExecContext();
      entries = await scoreExecEntries(file.category, data.cases, data.answers, read.entries, format, exec);
    } else {
      for (const testCase of data.cases) {
        const line = read.entries.get(testCase.id);
        const answer = data.answers.get(testCase.id);
        if (!line || (kind === 'ast' && !answer)) continue;
        const verdict = scoreEntry({ category: file.category, kind, language, testCase, answer, result: line.result, format });
        entries.push({ id: testCase.id, testCase, answer, result: line.result, verdict });
      }
    }
    for (const e of entries) {
      const line = read.entries.get(e.id)!;
      e.inferenceError = isInferenceErrorLine(line.raw);
      if (typeof line.latency === 'number' && line.latency > 0) usage.latencies.push(line.latency);
      if (typeof line.inputTokens === 'number' && line.inputTokens > 0) usage.inputTokens.push(line.inputTokens);
      if (typeof line.outputTokens === 'number' && line.outputTokens > 0) usage.outputTokens.push(line.outputTokens);
    }
    for (const [id, line] of read.entries) {
      if (!known.has(id)) report.problems.push({ file: file.path, line: line.line, message: `id ${id} is not in the ${file.category} dataset; line ignored` });
    }
    const missing = opts.partial ? [] : data.cases.filter((c) => !read.entries.has(c.id)).map((c) => c.id);
    if (missing.length > 0) {
      const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? `, … (${missing.length} in all)` : '');
      report.problems.push({ file: file.path, line: 0, message: `${missing.length} of ${data.cases.length} entries have no result: ${shown}; scored the ${entries.length} present (use --partial to score a subset on purpose)` });
    }

    const score = scoreCategory(file.category, entries, data.cases.length);
    const scoreFile = scoreFilePath(opts.scoresDir, file.model, file.category);
    writeScoreFile(scoreFile, [dumpLine(scoreHeader(score)), ...score.failures.map((f) => dumpLine(failureLine(file.model, file.category, kind, f)))]);
    report.scores.push({ ...score, model: file.model, scoreFile });
  }
  return report;
}
