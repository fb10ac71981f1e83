/**
 * BFCL v1 (2024) files (bfcl-spec-v1.md §2.1–§2.3): category names and routing, file names
 * (`gorilla_openfunctions_v1_test_<cat>.json`), the v1 possible-answer object form, and result lines
 * paired with questions by line index.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Language } from '../core/format.js';
import { PyDict, PyFloat, type PyValue } from '../core/pyvalue.js';
import type { Case, ExpectedCall } from '../core/types.js';
import { caseFromPy } from './entries.js';
import { readJsonl, type JsonlProblem } from './jsonl.js';

export type V1Kind = 'ast' | 'relevance' | 'exec' | 'rest';

export interface V1CategoryInfo {
  name: string;
  kind: V1Kind;
  language: Language;
  size: number;
}

/** The 12 scored v1 categories in the order of the v1 leaderboard's inputs (sql and chatable are never scored). */
export const V1_CATEGORIES: readonly V1CategoryInfo[] = Object.freeze(
  (
    [
      ['simple', 400], ['multiple_function', 200], ['parallel_function', 200], ['parallel_multiple_function', 200],
      ['java', 100], ['javascript', 50], ['relevance', 240],
      ['executable_simple', 100], ['executable_multiple_function', 50], ['executable_parallel_function', 50],
      ['executable_parallel_multiple_function', 40], ['rest', 70],
    ] as Array<[string, number]>
  ).map(([name, size]) => ({ name, size, ...routeV1(name)! })),
);

/**
 * BFCL v1 routing by substring of the category name: `chatable`/`sql` → not scored (undefined);
 * language Python, then `java` → Java, then `javascript` → JavaScript; `relevance` → relevance;
 * `executable` or `rest` → exec (REST if it contains `rest`); otherwise AST.
 */
export function routeV1(category: string): { kind: V1Kind; language: Language } | undefined {
  if (category.includes('chatable') || category.includes('sql')) return undefined;
  let language: Language = 'python';
  if (category.includes('java')) language = 'java';
  if (category.includes('javascript')) language = 'javascript';
  if (category.includes('relevance')) return { kind: 'relevance', language };
  if (category.includes('executable') || category.includes('rest')) return { kind: category.includes('rest') ? 'rest' : 'exec', language };
  return { kind: 'ast', language };
}

export function v1CategoryInfo(category: string): V1CategoryInfo | undefined {
  return V1_CATEGORIES.find((c) => c.name === category);
}

export const V1_PREFIX = 'gorilla_openfunctions_v1_test_';

export function v1QuestionFile(dataDir: string, category: string): string {
  return join(dataDir, `${V1_PREFIX}${category}.json`);
}

export function v1AnswerFile(dataDir: string, category: string): string {
  return join(dataDir, 'possible_answer', `${V1_PREFIX}${category}.json`);
}

export function v1ResultFile(resultsDir: string, model: string, category: string): string {
  return join(resultsDir, model, `${V1_PREFIX}${category}_result.json`);
}

/** v1 score files: `<scores>/<model>/<category>_score.json`. */
export function v1ScoreFile(scoresDir: string, model: string, category: string): string {
  return join(scoresDir, model, `${category}_score.json`);
}

/** The category of a v1 result file name (text between `_test_` and `_result`), or undefined. */
export function v1CategoryOfResultFile(fileName: string): string | undefined {
  if (fileName === 'result.json') return undefined;
  const m = /_test_(.+)_result\.json$/.exec(fileName);
  return m ? m[1] : undefined;
}

/**
 * The v1 data folder: the folder holding the question files, or a gorilla checkout / snapshot whose
 * `berkeley-function-call-leaderboard/data` holds them.
 */
export function resolveV1DataDir(dir: string): string {
  for (const d of [dir, join(dir, 'data'), join(dir, 'berkeley-function-call-leaderboard', 'data')]) {
    if (existsSync(join(d, `${V1_PREFIX}simple.json`))) return d;
  }
  throw new UserError(`--data ${dir}: no BFCL v1 data (${V1_PREFIX}simple.json) there or in berkeley-function-call-leaderboard/data below it`);
}

/** One v1 question entry with its ground truth. */
export interface V1Entry {
  testCase: Case;
  /** AST categories: the possible answer's calls in key order (names are the keys). */
  expected?: ExpectedCall[];
  /** AST categories: the raw `ground_truth` object, for score lines. */
  possibleAnswer?: PyValue;
}

export interface V1Category {
  category: string;
  entries: V1Entry[];
  problems: JsonlProblem[];
}

/**
 * v1 ground truth `{key: {param: [allowed…]}}` → expected calls in key order. A key whose value is not
 * an object (`parallel_multiple_function_179`'s stray `"deck": [[], ""]`) is an expected call without
 * parameters: it has no doc, so it can never be matched (BFCL quirk (v1): that entry is unpassable).
 */
export function expectedCallsV1(gt: PyValue): ExpectedCall[] {
  if (!(gt instanceof PyDict)) return [];
  return gt.entries().map(([key, body]) => {
    const params = new Map<string, PyValue[]>();
    if (body instanceof PyDict) for (const [k, v] of body) if (typeof k === 'string' && Array.isArray(v)) params.set(k, v);
    return { name: typeof key === 'string' ? key : String(key), params };
  });
}

const cache = new Map<string, V1Category>();

/** Questions (+ possible answers for AST categories) of one v1 category; cached per file. */
export function loadV1Category(dataDir: string, category: string): V1Category {
  const key = `${dataDir}\0${category}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const info = v1CategoryInfo(category);
  if (!info) throw new UserError(`"${category}" is not a scored BFCL v1 category`);
  const qFile = v1QuestionFile(dataDir, category);
  if (!existsSync(qFile)) throw new UserError(`v1 question file ${qFile} is missing (check --data)`);
  const q = readJsonl(qFile);
  const problems = [...q.problems];
  let answers: PyValue[] | undefined;
  if (info.kind === 'ast') {
    const aFile = v1AnswerFile(dataDir, category);
    if (!existsSync(aFile)) throw new UserError(`v1 possible-answer file ${aFile} is missing (check --data)`);
    const a = readJsonl(aFile);
    problems.push(...a.problems);
    answers = a.lines.map((l) => (l.value instanceof PyDict ? (l.value.get('ground_truth') ?? null) : null));
    if (answers.length !== q.lines.length) problems.push({ file: aFile, line: 0, message: `${answers.length} possible answers for ${q.lines.length} questions` });
  }
  const entries: V1Entry[] = [];
  for (let i = 0; i < q.lines.length; i++) {
    const l = q.lines[i]!;
    try {
      const testCase = caseFromPy(l.value, category, qFile, l.line);
      const e: V1Entry = { testCase };
      if (answers) {
        e.possibleAnswer = answers[i] ?? null;
        e.expected = expectedCallsV1(e.possibleAnswer);
      }
      entries.push(e);
    } catch (err) {
      problems.push({ file: qFile, line: l.line, message: (err as Error).message });
    }
  }
  const out = { category, entries, problems };
  cache.set(key, out);
  return out;
}

export interface V1ResultLine {
  result: PyValue;
  latency?: number;
  inputTokens?: number;
  outputTokens?: number;
}

function num(v: PyValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.value;
  return undefined;
}

/** A v1 result file, line by line: BFCL v1 pairs result line i with question line i (ids are not consulted). */
export function readV1Results(file: string): { lines: V1ResultLine[]; problems: JsonlProblem[] } {
  const r = readJsonl(file);
  const lines: V1ResultLine[] = [];
  for (const l of r.lines) {
    const d = l.value;
    if (!(d instanceof PyDict) || !d.has('result')) {
      r.problems.push({ file, line: l.line, message: 'a result line must be an object with "result"' });
      lines.push({ result: null });
      continue;
    }
    const line: V1ResultLine = { result: d.get('result')! };
    const lat = num(d.get('latency'));
    if (lat !== undefined) line.latency = lat;
    const it = num(d.get('input_token_count'));
    if (it !== undefined) line.inputTokens = it;
    const ot = num(d.get('output_token_count'));
    if (ot !== undefined) line.outputTokens = ot;
    lines.push(line);
  }
  return { lines, problems: r.problems };
}

/** The model folders under a v1 results folder and the scored categories each has a result file for. */
export function findV1ResultFolders(resultsDir: string): Array<{ model: string; categories: string[] }> {
  if (!existsSync(resultsDir)) throw new UserError(`--results ${resultsDir} does not exist`);
  const out: Array<{ model: string; categories: string[] }> = [];
  for (const model of readdirSync(resultsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const files = readdirSync(join(resultsDir, model));
    const cats = files.map(v1CategoryOfResultFile).filter((c): c is string => c !== undefined && v1CategoryInfo(c) !== undefined);
    const order = V1_CATEGORIES.map((c) => c.name);
    cats.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    if (cats.length > 0) out.push({ model, categories: cats });
  }
  return out;
}
