/**
 * BFCL v4 test categories and groups (bfcl-spec.md §1.2, §1.3), the substring predicates the whole
 * pipeline dispatches on (§1.2), and the retired executable categories kept under unused_datasets/.
 */
import { UserError } from '../core/errors.js';
import type { Language } from '../core/format.js';

/** The result/score folder a category lives in (§13.1); `exec` = retired executable categories. */
export type CategoryGroup = 'non_live' | 'live' | 'multi_turn' | 'agentic' | 'format_sensitivity' | 'exec';

/** How a category's entries are checked. */
export type EvalKind = 'ast' | 'relevance' | 'multi_turn' | 'agentic' | 'exec';

export interface CategoryInfo {
  name: string;
  /** Question file, relative to the data folder. */
  file: string;
  /** Possible-answer file, relative to the data folder (relevance categories have none). */
  answerFile?: string;
  group: CategoryGroup;
  kind: EvalKind;
  language: Language;
  /**
   * Official entry count (§1.2). format_sensitivity: 5200 = 200 ids × 26 prompt configurations;
   * its file lists the 200 ids.
   */
  count: number;
  /** Part of the v4 leaderboard score (format_sensitivity and the retired exec categories are not). */
  scoring: boolean;
}

function cat(name: string, group: CategoryGroup, kind: EvalKind, count: number, opts: { file?: string; answers?: boolean; scoring?: boolean } = {}): CategoryInfo {
  const file = opts.file ?? `BFCL_v4_${name}.json`;
  const info: CategoryInfo = { name, file, group, kind, language: languageOf(name), count, scoring: opts.scoring ?? true };
  if (opts.answers ?? kind !== 'relevance') info.answerFile = group === 'exec' ? file.replace('/question/', '/possible_answer/') : `possible_answer/${file}`;
  return info;
}

function retired(name: string, count: number): CategoryInfo {
  return cat(name, 'exec', 'exec', count, { file: `unused_datasets/question/BFCL_v4_${name}.json`, scoring: false });
}

/** Every v4 category fcbench knows, in spec §1.2 order, then the retired executable ones. */
export const CATEGORIES: readonly CategoryInfo[] = Object.freeze([
  cat('simple_python', 'non_live', 'ast', 400),
  cat('simple_java', 'non_live', 'ast', 100),
  cat('simple_javascript', 'non_live', 'ast', 50),
  cat('multiple', 'non_live', 'ast', 200),
  cat('parallel', 'non_live', 'ast', 200),
  cat('parallel_multiple', 'non_live', 'ast', 200),
  cat('irrelevance', 'non_live', 'relevance', 240),
  cat('live_simple', 'live', 'ast', 258),
  cat('live_multiple', 'live', 'ast', 1053),
  cat('live_parallel', 'live', 'ast', 16),
  cat('live_parallel_multiple', 'live', 'ast', 24),
  cat('live_irrelevance', 'live', 'relevance', 884),
  cat('live_relevance', 'live', 'relevance', 16),
  cat('multi_turn_base', 'multi_turn', 'multi_turn', 200),
  cat('multi_turn_miss_func', 'multi_turn', 'multi_turn', 200),
  cat('multi_turn_miss_param', 'multi_turn', 'multi_turn', 200),
  cat('multi_turn_long_context', 'multi_turn', 'multi_turn', 200),
  cat('web_search_base', 'agentic', 'agentic', 100, { file: 'BFCL_v4_web_search.json' }),
  cat('web_search_no_snippet', 'agentic', 'agentic', 100, { file: 'BFCL_v4_web_search.json' }),
  cat('memory_kv', 'agentic', 'agentic', 155, { file: 'BFCL_v4_memory.json' }),
  cat('memory_vector', 'agentic', 'agentic', 155, { file: 'BFCL_v4_memory.json' }),
  cat('memory_rec_sum', 'agentic', 'agentic', 155, { file: 'BFCL_v4_memory.json' }),
  cat('format_sensitivity', 'format_sensitivity', 'ast', 5200, { answers: false, scoring: false }),
  retired('exec_simple', 100),
  retired('exec_multiple', 50),
  retired('exec_parallel', 50),
  retired('exec_parallel_multiple', 40),
  retired('rest', 70),
]);

const BY_NAME = new Map(CATEGORIES.map((c) => [c.name, c]));

export function categoryInfo(name: string): CategoryInfo {
  const c = BY_NAME.get(name);
  if (!c) throw unknownCategory(name);
  return c;
}

export function isCategory(name: string): boolean {
  return BY_NAME.has(name);
}

// ---- §1.2 substring predicates (on a category name or an entry id) ----

export function isJava(s: string): boolean {
  return s.includes('java') && !s.includes('javascript');
}
export function isJs(s: string): boolean {
  return s.includes('javascript');
}
/** BFCL quirk: "relevance" also matches "irrelevance". */
export function isRelevanceOrIrrelevance(s: string): boolean {
  return s.includes('relevance');
}
/** BFCL quirk: any name containing "rest" counts (e.g. "interest" would too). */
export function isExecutable(s: string): boolean {
  return s.includes('exec') || s.includes('rest');
}
export function isLive(s: string): boolean {
  return s.includes('live');
}
export function isMultiTurn(s: string): boolean {
  return s.includes('multi_turn');
}
export function isWebSearch(s: string): boolean {
  return s.includes('web_search');
}
export function isMemory(s: string): boolean {
  return s.includes('memory');
}
export function isAgentic(s: string): boolean {
  return isWebSearch(s) || isMemory(s);
}
export function isMemoryPrereq(s: string): boolean {
  return s.includes('prereq');
}
export function isFormatSensitivity(s: string): boolean {
  return s.includes('format_sensitivity');
}

export function languageOf(category: string): Language {
  if (isJava(category)) return 'java';
  if (isJs(category)) return 'javascript';
  return 'python';
}

// ---- §1.3 groups ----

const names = (pred: (c: CategoryInfo) => boolean): string[] => CATEGORIES.filter(pred).map((c) => c.name);

const NON_LIVE = names((c) => c.group === 'non_live');
const LIVE = names((c) => c.group === 'live');
const MULTI_TURN = names((c) => c.group === 'multi_turn');
const AGENTIC = names((c) => c.group === 'agentic');
const SINGLE_TURN = [...NON_LIVE, ...LIVE];
const ALL_SCORING = [...SINGLE_TURN, ...MULTI_TURN, ...AGENTIC];

/** Group name → member categories (§1.3, plus `exec` for the retired executable categories). */
export const GROUPS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['all', [...ALL_SCORING, 'format_sensitivity']],
  ['all_scoring', ALL_SCORING],
  ['single_turn', SINGLE_TURN],
  ['non_live', NON_LIVE],
  ['live', LIVE],
  ['multi_turn', MULTI_TURN],
  ['agentic', AGENTIC],
  ['memory', names((c) => c.group === 'agentic' && isMemory(c.name))],
  ['web_search', names((c) => c.group === 'agentic' && isWebSearch(c.name))],
  ['python', names((c) => (c.group === 'non_live' || c.group === 'live') && c.language === 'python')],
  ['non_python', names((c) => (c.group === 'non_live' || c.group === 'live') && c.language !== 'python')],
  ['exec', names((c) => c.group === 'exec')],
]);

function unknownCategory(name: string): UserError {
  const cats = CATEGORIES.map((c) => c.name).join(', ');
  const groups = [...GROUPS.keys()].join(', ');
  return new UserError(`unknown test category "${name}".\nValid categories: ${cats}\nValid groups: ${groups}`);
}

/**
 * Expand category and group names (each item may itself be comma separated) into categories:
 * union, de-duplicated, sorted alphabetically (§1.3). An unknown name is a UserError listing the valid ones.
 */
export function expandCategories(list: readonly string[]): string[] {
  const out = new Set<string>();
  for (const item of list) {
    for (const raw of item.split(',')) {
      const name = raw.trim();
      if (name === '') continue;
      const members = GROUPS.get(name);
      if (members) members.forEach((m) => out.add(m));
      else if (BY_NAME.has(name)) out.add(name);
      else throw unknownCategory(name);
    }
  }
  return [...out].sort();
}

// ---- §13.1 / §13.2 output paths ----

/** BFCL's model folder name: the registry name with '/' → '_'. */
export function modelDirName(model: string): string {
  return model.replaceAll('/', '_');
}

/** Folder of a category's result/score file, relative to the model folder. */
function categoryFolder(category: string): string {
  const group = groupOf(category);
  // BFCL quirk: memory result files sit one level deeper, per backend: agentic/memory/<kv|vector|rec_sum>/.
  if (group === 'agentic' && category.startsWith('memory_')) {
    const backend = category.slice('memory_'.length).replace(/_prereq$/, '');
    return `agentic/memory/${backend}`;
  }
  return group;
}

/** A category's group: from the table, else guessed from its name with the §1.2 predicates. */
export function groupOf(category: string): CategoryGroup {
  return BY_NAME.get(category)?.group ?? groupFromName(category);
}

function groupFromName(category: string): CategoryGroup {
  if (isFormatSensitivity(category)) return 'format_sensitivity';
  if (isAgentic(category)) return 'agentic';
  if (isMultiTurn(category)) return 'multi_turn';
  if (isLive(category)) return 'live';
  return 'non_live';
}

/** `<root>/<model_dir>/<group>/BFCL_v4_<category>_result.json` (§13.1). */
export function resultFilePath(root: string, model: string, category: string): string {
  return `${root.replace(/\/+$/, '')}/${modelDirName(model)}/${categoryFolder(category)}/BFCL_v4_${category}_result.json`;
}

/** `<root>/<model_dir>/<group>/BFCL_v4_<category>_score.json` (§13.2). */
export function scoreFilePath(root: string, model: string, category: string): string {
  return `${root.replace(/\/+$/, '')}/${modelDirName(model)}/${categoryFolder(category)}/BFCL_v4_${category}_score.json`;
}

// ---- §13.1 sort key ----

export type SortKey = [priority: number, category: string, index: number];

/**
 * BFCL's result-file order for an entry id: cut at the first ':', split at the last '_' into
 * category and index; for `n-a-b` indexes only n counts. Priority: memory prereq 0, web search 1,
 * single turn 2, multi-turn 3, memory 4. Ids that do not have that shape sort after the others of
 * their priority, by id.
 */
export function sortKey(id: string): SortKey {
  const base = id.split(':')[0]!;
  const cut = base.lastIndexOf('_');
  const category = cut < 0 ? base : base.slice(0, cut);
  const indexText = (cut < 0 ? '' : base.slice(cut + 1)).split('-')[0]!;
  const index = /^\d+$/.test(indexText) ? Number(indexText) : Number.MAX_SAFE_INTEGER;
  let priority = 2;
  if (isMemoryPrereq(category)) priority = 0;
  else if (isWebSearch(category)) priority = 1;
  else if (isMultiTurn(category)) priority = 3;
  else if (isMemory(category)) priority = 4;
  return [priority, category, index];
}

/** Comparator for ids in §13.1 order (ties broken by the full id, so the order is total). */
export function compareIds(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka[0] !== kb[0]) return ka[0] - kb[0];
  if (ka[1] !== kb[1]) return ka[1] < kb[1] ? -1 : 1;
  if (ka[2] !== kb[2]) return ka[2] - kb[2];
  return a < b ? -1 : a > b ? 1 : 0;
}
