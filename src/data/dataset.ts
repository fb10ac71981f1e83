/**
 * Load one BFCL v4 category from a data folder: question entries as Cases, ground truth paired by id,
 * and every bad line reported as a problem (never fatal). Pre-processing §3 steps 1, 3 and 4 are
 * applied (web-search/memory id rewrites, the agentic answer-format system message, multi-turn and
 * agentic function docs); step 5 (language hints, Java/JS type flattening) belongs to the formats.
 *
 * Memory prerequisite conversations come from loadMemoryPrereqs. Not done here: the memory backends'
 * runtime `initial_config` (it needs the result folder); sql/chatable/multi_turn_composite are not loadable.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { parsePyJson, JsonParseError } from '../core/pyjson.js';
import { functionDocFromPy } from '../core/schema.js';
import { PyDict, type PyValue } from '../core/pyvalue.js';
import type { Case, FunctionDoc, PossibleAnswer, SourceRef } from '../core/types.js';
import { categoryInfo, isMemory, isWebSearch, type CategoryInfo } from './categories.js';
import { answerFromPy, caseFromPy, convertLines } from './entries.js';
import { readJsonl, type JsonlProblem } from './jsonl.js';
import { DEFAULT_DATA_DIR } from './locations.js';

export interface LoadedCategory {
  cases: Case[];
  /** Ground truth by (rewritten) entry id; empty for relevance categories. */
  answers: Map<string, PossibleAnswer>;
  problems: JsonlProblem[];
}

/** The data folder: the `--data` flag (relative to the working directory), else datasets/bfcl-v4. */
export function resolveDataDir(flag?: string): string {
  if (flag === undefined || flag === '') return DEFAULT_DATA_DIR;
  return isAbsolute(flag) ? flag : resolve(flag);
}

/** What to tell a user whose data folder or file is missing. */
export function missingDataHint(): string {
  return "Run 'fcbench data pull' to download the official BFCL v4 files into datasets/bfcl-v4, or point --data at a copy (e.g. --data ../shared/bfcl-data).";
}

export function requireDataDir(dataDir: string): void {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new UserError(`BFCL data folder ${dataDir} does not exist. ${missingDataHint()}`);
  }
}

function requireFile(dataDir: string, rel: string, category: string): string {
  const p = join(dataDir, rel);
  if (!existsSync(p)) throw new UserError(`${p} is missing (needed for category ${category}). ${missingDataHint()}`);
  return p;
}

/** §8.4: simulated API class → function-doc file under multi_turn_func_doc/. */
export const CLASS_DOC_FILES: ReadonlyMap<string, string> = new Map([
  ['GorillaFileSystem', 'gorilla_file_system.json'],
  ['MathAPI', 'math_api.json'],
  ['MessageAPI', 'message_api.json'],
  ['TwitterAPI', 'posting_api.json'],
  ['TicketAPI', 'ticket_api.json'],
  ['TradingBot', 'trading_bot.json'],
  ['TravelAPI', 'travel_booking.json'],
  ['VehicleControlAPI', 'vehicle_control.json'],
  ['WebSearchAPI', 'web_search.json'],
  ['MemoryAPI_kv', 'memory_kv.json'],
  ['MemoryAPI_vector', 'memory_vector.json'],
  ['MemoryAPI_rec_sum', 'memory_rec_sum.json'],
]);

/** §3 step 3: the system message put first in every agentic (non-prereq) entry. Ends with a newline. */
export const AGENTIC_ANSWER_FORMAT =
  "For your final answer to the user, you must respond in this format: {'answer': A short and precise answer to the question, 'context': A brief explanation of how you arrived at this answer or why it is correct}. If you do not know the answer, respond with {'answer': 'I do not know', 'context': 'I do not know'}. If you think the question cannot be properly answered, response with {'answer': 'I cannot answer this question', 'context': A short reason explaining why this question cannot be answered}.\n";

/** Raw function docs (one per line) of a simulated API class. */
function classDocs(dataDir: string, cls: string, src: SourceRef | undefined, problems: JsonlProblem[], cache: Map<string, PyDict[]>): PyDict[] {
  const cached = cache.get(cls);
  if (cached) return cached;
  const file = CLASS_DOC_FILES.get(cls);
  if (!file) {
    problems.push({ file: src?.file ?? '', line: src?.line ?? 0, message: `unknown involved class ${cls} (known: ${[...CLASS_DOC_FILES.keys()].join(', ')})` });
    return [];
  }
  const rel = `multi_turn_func_doc/${file}`;
  const read = readJsonl(requireFile(dataDir, rel, cls));
  problems.push(...read.problems);
  const docs = read.lines.filter((l) => l.value instanceof PyDict).map((l) => l.value as PyDict);
  cache.set(cls, docs);
  return docs;
}

function docsFromRaw(raw: PyDict[], where: string): FunctionDoc[] {
  return raw.map((d, i) => functionDocFromPy(d, `${where} function[${i}]`));
}

/**
 * §3 step 4: function docs = concatenation of the involved classes' doc files; for miss_func the
 * held-out docs move from `function` to `missed_function[turn]` (as upstream rewrites the entry).
 */
function attachClassDocs(c: Case, dataDir: string, problems: JsonlProblem[], cache: Map<string, PyDict[]>): Case {
  const where = `${c.source?.file ?? ''}:${c.source?.line ?? 0}`;
  const classes = c.raw.get('involved_classes');
  const docs: PyDict[] = [];
  if (Array.isArray(classes)) for (const cls of classes) if (typeof cls === 'string') docs.push(...classDocs(dataDir, cls, c.source, problems, cache));
  const raw = c.raw.copy();
  const missed = raw.get('missed_function');
  if (missed instanceof PyDict) {
    const moved = new PyDict();
    for (const [turn, names] of missed) {
      const held: PyValue[] = [];
      for (const name of Array.isArray(names) ? names : []) {
        const i = docs.findIndex((d) => d.get('name') === name);
        if (i >= 0) held.push(docs.splice(i, 1)[0]!);
        else problems.push({ file: c.source?.file ?? '', line: c.source?.line ?? 0, message: `entry ${c.id}: missed function ${String(name)} is not in the docs of its involved classes` });
      }
      moved.set(turn, held);
    }
    raw.set('missed_function', moved);
  }
  raw.set('function', docs);
  return { ...c, raw, functions: docsFromRaw(docs, where) };
}

/** Pair ground truth with questions by id; report answers without a question and questions without an answer. */
function pairById(cases: Case[], answers: PossibleAnswer[], answerFile: string, problems: JsonlProblem[]): Map<string, PossibleAnswer> {
  const byId = new Map<string, PossibleAnswer>();
  for (const a of answers) {
    if (byId.has(a.id)) problems.push({ file: answerFile, line: a.source?.line ?? 0, message: `duplicate id ${a.id} (the later line is used)` });
    byId.set(a.id, a);
  }
  const ids = new Set(cases.map((c) => c.id));
  for (const a of byId.values()) {
    if (!ids.has(a.id)) problems.push({ file: answerFile, line: a.source?.line ?? 0, message: `ground truth for ${a.id} has no question entry` });
  }
  for (const c of cases) {
    if (!byId.has(c.id)) problems.push({ file: c.source?.file ?? '', line: c.source?.line ?? 0, message: `question ${c.id} has no ground truth in ${answerFile}` });
  }
  return byId;
}

function dropDuplicateCases(cases: Case[], problems: JsonlProblem[]): Case[] {
  const seen = new Set<string>();
  return cases.filter((c) => {
    if (!seen.has(c.id)) {
      seen.add(c.id);
      return true;
    }
    problems.push({ file: c.source?.file ?? '', line: c.source?.line ?? 0, message: `duplicate id ${c.id} (the first entry is kept)` });
    return false;
  });
}

function readQuestions(dataDir: string, info: CategoryInfo, problems: JsonlProblem[], category = info.name): Case[] {
  const file = requireFile(dataDir, info.file, info.name);
  const read = readJsonl(file);
  problems.push(...read.problems);
  return convertLines(read.lines, file, (v, line) => caseFromPy(v, category, file, line), problems);
}

function readAnswers(dataDir: string, info: CategoryInfo, problems: JsonlProblem[]): { file: string; answers: PossibleAnswer[] } {
  const file = requireFile(dataDir, info.answerFile!, info.name);
  const read = readJsonl(file);
  problems.push(...read.problems);
  return { file, answers: convertLines(read.lines, file, (v, line) => answerFromPy(v, file, line), problems) };
}

/** The memory scenarios, each with a prerequisite-conversation file (§1.2). */
export const MEMORY_SCENARIOS = ['customer', 'finance', 'healthcare', 'notetaker', 'student'] as const;

/**
 * §3 step 2: the prerequisite conversations of a memory category (`memory_kv` → entries
 * `memory_kv_prereq_<n>-<scenario>-<k>` of category `memory_kv_prereq`), each depending on the earlier
 * prereqs of its scenario (`raw.depends_on`), with the backend's docs. Generated, never scored; no
 * answer-format system message. The backend's runtime `initial_config` is left to the runner.
 */
export function loadMemoryPrereqs(dataDir: string, category: string): { cases: Case[]; problems: JsonlProblem[] } {
  const info = categoryInfo(category);
  if (info.kind !== 'agentic' || !isMemory(category)) throw new UserError(`${category} is not a memory category (memory_kv, memory_vector, memory_rec_sum)`);
  requireDataDir(dataDir);
  const problems: JsonlProblem[] = [];
  const cache = new Map<string, PyDict[]>();
  const backendClass = `MemoryAPI_${category.slice('memory_'.length)}`;
  const cases: Case[] = [];
  for (const scenario of MEMORY_SCENARIOS) {
    const file = requireFile(dataDir, `memory_prereq_conversation/memory_${scenario}.json`, category);
    const read = readJsonl(file);
    problems.push(...read.problems);
    const earlier: string[] = [];
    for (const q of convertLines(read.lines, file, (v, line) => caseFromPy(v, `${category}_prereq`, file, line), problems)) {
      const id = q.id.replace('memory_prereq', `${category}_prereq`);
      const raw = q.raw.copy();
      raw.set('id', id);
      raw.set('involved_classes', [backendClass]);
      raw.set('depends_on', [...earlier]);
      earlier.push(id);
      cases.push(attachClassDocs({ ...q, id, raw }, dataDir, problems, cache));
    }
  }
  return { cases: dropDuplicateCases(cases, problems), problems };
}

/**
 * §3 steps 1–3 for web_search_* and memory_*: the shared file's ids get the category name
 * (`web_search_0` → `web_search_base_0`, `memory_0-customer-0` → `memory_kv_0-customer-0`); ground
 * truth is aligned by line index, as upstream does, and keyed by the rewritten id.
 */
function loadAgentic(dataDir: string, info: CategoryInfo, problems: JsonlProblem[]): LoadedCategory {
  const category = info.name;
  const shared = isWebSearch(category) ? 'web_search' : 'memory';
  const questions = readQuestions(dataDir, info, problems, category);
  const { file: answerFile, answers } = readAnswers(dataDir, info, problems);
  if (questions.length !== answers.length) {
    problems.push({ file: answerFile, line: 0, message: `${answers.length} ground-truth lines for ${questions.length} questions in ${info.file}; BFCL aligns them by line, so later entries may be paired wrongly` });
  }
  const cache = new Map<string, PyDict[]>();
  const cases: Case[] = [];
  const byId = new Map<string, PossibleAnswer>();
  // Memory questions depend on every prerequisite conversation of their scenario.
  let prereqIds: Map<string, string[]> | undefined;
  if (isMemory(category)) {
    prereqIds = new Map();
    const pre = loadMemoryPrereqs(dataDir, category);
    problems.push(...pre.problems);
    for (const p of pre.cases) {
      const scenario = p.raw.get('scenario');
      if (typeof scenario !== 'string') continue;
      prereqIds.set(scenario, [...(prereqIds.get(scenario) ?? []), p.id]);
    }
  }
  questions.forEach((q, i) => {
    const id = q.id.replace(shared, category);
    const raw = q.raw.copy();
    raw.set('id', id);
    if (isWebSearch(category)) {
      raw.set('initial_config', new PyDict([['WebSearchAPI', new PyDict([['show_snippet', category !== 'web_search_no_snippet']])]]));
    } else if (isMemory(category)) {
      raw.set('involved_classes', [`MemoryAPI_${category.slice('memory_'.length)}`]);
      const scenario = raw.get('scenario');
      raw.set('depends_on', typeof scenario === 'string' ? [...(prereqIds?.get(scenario) ?? [])] : []);
    }
    const question = q.question.map((t) => [...t]);
    if (question.length > 0) question[0]!.unshift({ role: 'system', content: AGENTIC_ANSWER_FORMAT });
    // Upstream rewrites the entry itself, so score files show the system message in `prompt` too.
    const rawQuestion = raw.get('question');
    if (Array.isArray(rawQuestion) && Array.isArray(rawQuestion[0])) {
      const system = new PyDict([['role', 'system'], ['content', AGENTIC_ANSWER_FORMAT]]);
      raw.set('question', [[system, ...rawQuestion[0]], ...rawQuestion.slice(1)]);
    }
    const withDocs = attachClassDocs({ ...q, id, raw, question }, dataDir, problems, cache);
    cases.push(withDocs);
    const a = answers[i];
    if (a) byId.set(id, { ...a, id });
  });
  return { cases: dropDuplicateCases(cases, problems), answers: byId, problems };
}

/** format_sensitivity: the 200 listed entries, loaded from their own categories (each keeps its category). */
function loadFormatSensitivity(dataDir: string, info: CategoryInfo, problems: JsonlProblem[]): LoadedCategory {
  const file = requireFile(dataDir, info.file, info.name);
  let doc: PyValue;
  try {
    doc = parsePyJson(readFileSync(file, 'utf8'));
  } catch (e) {
    const line = e instanceof JsonParseError ? e.line : 0;
    problems.push({ file, line, message: `not valid JSON (${e instanceof Error ? e.message : String(e)})` });
    return { cases: [], answers: new Map(), problems };
  }
  if (!(doc instanceof PyDict)) {
    problems.push({ file, line: 1, message: 'expected one JSON object mapping category → list of ids' });
    return { cases: [], answers: new Map(), problems };
  }
  const cases: Case[] = [];
  const answers = new Map<string, PossibleAnswer>();
  for (const [cat, ids] of doc) {
    if (typeof cat !== 'string' || !Array.isArray(ids)) continue;
    let sub: LoadedCategory;
    try {
      sub = loadCategory(dataDir, cat);
    } catch (e) {
      problems.push({ file, line: 0, message: `category ${String(cat)}: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    problems.push(...sub.problems);
    const byId = new Map(sub.cases.map((c) => [c.id, c]));
    for (const id of ids) {
      const c = typeof id === 'string' ? byId.get(id) : undefined;
      if (!c) {
        problems.push({ file, line: 0, message: `format_sensitivity lists ${String(id)}, which is not in category ${cat}` });
        continue;
      }
      cases.push(c);
      const a = sub.answers.get(c.id);
      if (a) answers.set(c.id, a);
    }
  }
  return { cases, answers, problems };
}

/**
 * Load a category's question entries and ground truth from `dataDir` (laid out like upstream
 * bfcl_eval/data/). Unknown category or missing folder/file → UserError; bad lines → `problems`.
 */
export function loadCategory(dataDir: string, category: string): LoadedCategory {
  return loadCategoryOf(dataDir, categoryInfo(category));
}

/** Load a category described by `info` (a v4 category, or one of a user suite: see suite.ts). */
export function loadCategoryOf(dataDir: string, info: CategoryInfo): LoadedCategory {
  requireDataDir(dataDir);
  const problems: JsonlProblem[] = [];
  if (info.kind === 'agentic') return loadAgentic(dataDir, info, problems);
  if (info.group === 'format_sensitivity') return loadFormatSensitivity(dataDir, info, problems);
  let cases = dropDuplicateCases(readQuestions(dataDir, info, problems), problems);
  if (info.kind === 'multi_turn') {
    const cache = new Map<string, PyDict[]>();
    cases = cases.map((c) => attachClassDocs(c, dataDir, problems, cache));
  }
  if (!info.answerFile) return { cases, answers: new Map(), problems };
  const { file, answers } = readAnswers(dataDir, info, problems);
  return { cases, answers: pairById(cases, answers, file, problems), problems };
}
