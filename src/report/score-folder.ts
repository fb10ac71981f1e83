/**
 * Reading score folders, fcbench's or the official tool's (bfcl-spec.md §13.2, bfcl-spec-v1.md §2.3):
 *   v4: <scores>/<model>/<group>/BFCL_v4_<category>_score.json   (any depth below <model>)
 *   v1: <scores>/<model>/<category>_score.json
 * Line 1 is the header `{accuracy, correct_count, total_count[, ids]}`; every further line is one
 * failed entry. Passed entries are not listed. fcbench adds `"ids"` (the evaluated entry ids) to
 * the header when it scores a subset; see evaluatedIds() in compare-pairs.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { parsePyJson } from '../core/pyjson.js';
import { PyDict, PyFloat, type PyValue } from '../core/pyvalue.js';
import type { FormatSensitivity, ModelScores } from '../score/leaderboard.js';

export interface ScoreHeader {
  accuracy: number;
  correctCount: number;
  totalCount: number;
  /** Evaluated entry ids, when the writer recorded them (fcbench does for partial runs). */
  ids?: string[];
}

export interface FailedEntry {
  id: string;
  category: string;
  errorType: string;
  /** The error messages, flattened to text. */
  errors: string[];
  prompt?: PyValue;
  raw?: PyValue;
  decoded?: PyValue;
  expected?: PyValue;
  skipped?: boolean;
  /** 1-based line in the score file. */
  line: number;
}

export interface CategoryScoreFile {
  category: string;
  file: string;
  header: ScoreHeader;
  failures: FailedEntry[];
  formatSensitivity?: FormatSensitivity;
}

export interface ScoreProblem {
  file: string;
  line: number;
  message: string;
}

export interface ModelScoreFolder {
  model: string;
  dir: string;
  layout: 'v4' | 'v1';
  categories: Record<string, CategoryScoreFile>;
  problems: ScoreProblem[];
}

const V4_NAME = /^BFCL_v\d+_(.+)_score\.json$/;
const V1_NAME = /^(.+)_score\.json$/;

function listScoreFiles(dir: string, depth = 0): string[] {
  if (depth > 4) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...listScoreFiles(p, depth + 1));
    else if (V1_NAME.test(name)) out.push(p);
  }
  return out;
}

/** True when `dir` holds one model's score files (directly or in group folders), not model folders. */
export function isModelFolder(dir: string): boolean {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (V1_NAME.test(name) && statSync(p).isFile()) return true;
    if (['non_live', 'live', 'multi_turn', 'agentic', 'format_sensitivity'].includes(name) && statSync(p).isDirectory() && listScoreFiles(p).length > 0) return true;
  }
  return false;
}

const num = (v: PyValue | undefined): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v instanceof PyFloat ? v.value : typeof v === 'boolean' ? Number(v) : undefined;

function text(v: PyValue | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => text(x));
  if (v instanceof PyDict) {
    const msg = v.get('error_message');
    if (msg !== undefined) return text(msg);
  }
  return [JSON.stringify(toPlain(v))];
}

/** A PyValue as plain JSON-able data (for JSON summaries and HTML). */
export function toPlain(v: PyValue): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof PyFloat) return v.value;
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof PyDict) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v.entries()) o[typeof k === 'string' ? k : String(toPlain(k))] = toPlain(x);
    return o;
  }
  return v.items.map(toPlain);
}

function readHeader(h: PyDict, file: string): ScoreHeader {
  const accuracy = num(h.get('accuracy'));
  const correctCount = num(h.get('correct_count'));
  const totalCount = num(h.get('total_count'));
  if (accuracy === undefined || correctCount === undefined || totalCount === undefined)
    throw new UserError(`${file}:1: score-file header lacks accuracy, correct_count or total_count`);
  const header: ScoreHeader = { accuracy, correctCount, totalCount };
  const ids = h.get('ids');
  if (Array.isArray(ids)) header.ids = ids.map((x) => (typeof x === 'string' ? x : String(toPlain(x))));
  return header;
}

function readFormatSensitivity(h: PyDict): FormatSensitivity | undefined {
  const maxDelta = num(h.get('accuracy_max_delta'));
  const std = num(h.get('accuracy_std'));
  if (maxDelta === undefined || std === undefined) return undefined;
  const configs: Record<string, number> = {};
  for (const [k, v] of h.entries()) if (typeof k === 'string' && v instanceof PyDict && num(v.get('accuracy')) !== undefined) configs[k] = num(v.get('accuracy'))!;
  return { maxDelta, std, configs };
}

function readFailure(v: PyDict, category: string, layout: 'v4' | 'v1', line: number): FailedEntry {
  const rawId = v.get('id');
  // v1 score files carry the 1-based line position as an integer id (bfcl-spec-v1.md §2.3).
  const n = num(rawId);
  const id = typeof rawId === 'string' ? rawId : layout === 'v1' && n !== undefined ? `${category}_${n - 1}` : String(toPlain(rawId ?? null));
  const err = v.get('error');
  let errorType = v.get('error_type');
  if (typeof errorType !== 'string' && err instanceof PyDict) errorType = err.get('error_type');
  const f: FailedEntry = { id, category, errorType: typeof errorType === 'string' ? errorType : 'unknown', errors: text(err), line };
  const pick = (...keys: string[]): PyValue | undefined => {
    for (const k of keys) if (v.has(k)) return v.get(k);
    return undefined;
  };
  const prompt = pick('prompt');
  const raw = pick('model_result_raw', 'model_result');
  const decoded = pick('model_result_decoded', 'decoded_result');
  const expected = pick('possible_answer');
  if (prompt !== undefined) f.prompt = prompt;
  if (raw !== undefined) f.raw = raw;
  if (decoded !== undefined) f.decoded = decoded;
  if (expected !== undefined) f.expected = expected;
  if (v.get('skipped') === true) f.skipped = true;
  return f;
}

/** Read one score file. Unreadable failure lines become problems; a bad header is a UserError. */
export function readScoreFile(file: string, category: string, layout: 'v4' | 'v1', problems: ScoreProblem[]): CategoryScoreFile {
  const lines = readFileSync(file, 'utf8').split('\n');
  let result: CategoryScoreFile | undefined;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (t.trim() === '') continue;
    let v: PyValue;
    try {
      v = parsePyJson(t);
    } catch (e) {
      if (!result) throw new UserError(`${file}:${i + 1}: score-file header is not valid JSON (${(e as Error).message})`);
      problems.push({ file, line: i + 1, message: `not valid JSON (${(e as Error).message})` });
      continue;
    }
    if (!(v instanceof PyDict)) {
      if (!result) throw new UserError(`${file}:${i + 1}: score-file header is not a JSON object`);
      problems.push({ file, line: i + 1, message: 'not a JSON object' });
      continue;
    }
    if (!result) {
      result = { category, file, header: readHeader(v, file), failures: [] };
      const fs = readFormatSensitivity(v);
      if (fs) result.formatSensitivity = fs;
    } else result.failures.push(readFailure(v, category, layout, i + 1));
  }
  if (!result) throw new UserError(`${file}: empty score file`);
  return result;
}

/** Read one model's folder. */
export function readModelScoreFolder(dir: string, model = basename(dir)): ModelScoreFolder {
  const files = listScoreFiles(dir);
  if (files.length === 0) throw new UserError(`${dir}: no score files (*_score.json) found`);
  const layout = files.some((f) => V4_NAME.test(basename(f))) ? 'v4' : 'v1';
  const folder: ModelScoreFolder = { model, dir, layout, categories: {}, problems: [] };
  for (const f of files) {
    const name = basename(f);
    const m = layout === 'v4' ? V4_NAME.exec(name) : V1_NAME.exec(name);
    if (!m) continue;
    const category = m[1]!;
    if (folder.categories[category]) {
      folder.problems.push({ file: f, line: 0, message: `second score file for ${category}; using ${folder.categories[category].file}` });
      continue;
    }
    folder.categories[category] = readScoreFile(f, category, layout, folder.problems);
  }
  return folder;
}

/** Read every model folder under a score directory (or the one model folder given). */
export function readScoresDir(dir: string): ModelScoreFolder[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`--scores ${dir}: not a directory`);
  if (isModelFolder(dir)) return [readModelScoreFolder(dir)];
  const models: ModelScoreFolder[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory() && listScoreFiles(p).length > 0) models.push(readModelScoreFolder(p, name));
  }
  if (models.length === 0) throw new UserError(`${dir}: no model score folders (<model>/<group>/BFCL_v4_<category>_score.json or <model>/<category>_score.json)`);
  return models;
}

/** The aggregation input for one model folder (format sensitivity kept apart from the scoring categories). */
export function toModelScores(folder: ModelScoreFolder, meta: Partial<Omit<ModelScores, 'model' | 'categories'>> = {}): ModelScores {
  const categories: ModelScores['categories'] = {};
  let formatSensitivity: FormatSensitivity | undefined;
  for (const [name, f] of Object.entries(folder.categories)) {
    if (name === 'format_sensitivity') {
      formatSensitivity = f.formatSensitivity;
      continue;
    }
    categories[name] = { accuracy: f.header.accuracy, correctCount: f.header.correctCount, totalCount: f.header.totalCount };
  }
  const m: ModelScores = { model: folder.model, categories, ...meta };
  if (formatSensitivity) m.formatSensitivity = formatSensitivity;
  return m;
}
