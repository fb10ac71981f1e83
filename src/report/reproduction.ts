/**
 * The bfcl-v1 reproduction table (`fcbench report --profile bfcl-v1 --scores <ours> --official <run>/score
 * [--leaderboard <data.csv>]`): per model, the published leaderboard Overall, the official Σcorrect over the
 * 1,700 scored entries, fcbench's correct count on the entries it can re-score offline, the official count on
 * those same entries, and every entry whose verdict differs, with its explanation (bfcl-spec-v1.md §7.2).
 * Pure: works on score folders already read.
 */
import type { ModelScoreFolder } from './score-folder.js';

/** Entries whose official verdict depended on when the model was scored (bfcl-spec-v1.md §7.2). */
export const V1_TIMING_ARTEFACTS: Readonly<Record<string, string>> = {
  executable_parallel_function_26: "timing artefact (spec-v1 §7.2): get_stock_history interval='1d' is keyed by timestamps, so the official verdict depended on when the model was scored",
  executable_simple_44: 'timing artefact (spec-v1 §7.2): the Amazon price changed between the ground-truth call and the model call',
  executable_simple_45: 'timing artefact (spec-v1 §7.2): the Amazon price changed between the ground-truth call and the model call',
  executable_multiple_function_26: 'timing artefact (spec-v1 §7.2): get_stock_history(diffandsplits=True) returned another key set when scored officially',
};

/** Leaderboard column → v1 category (bfcl-spec.md §12.1). */
const LEADERBOARD_CATEGORY_COLUMNS: Readonly<Record<string, string>> = {
  'Python Simple Function AST': 'simple',
  'Java Simple Function AST': 'java',
  'JavaScript Simple Function AST': 'javascript',
  'Multiple Functions AST': 'multiple_function',
  'Parallel Functions AST': 'parallel_function',
  'Parallel Multiple AST': 'parallel_multiple_function',
  'Python Simple Function Exec': 'executable_simple',
  'REST Simple Function Exec': 'rest',
  'Multiple Functions Exec': 'executable_multiple_function',
  'Parallel Functions Exec': 'executable_parallel_function',
  'Parallel Multiple Exec': 'executable_parallel_multiple_function',
  'Relevance Detection': 'relevance',
};

export interface LeaderboardCsv {
  header: string[];
  rows: string[][];
}

/** A leaderboard CSV (published data.csv; no quoted commas in the v1 files' numeric columns). */
export function parseLeaderboardCsv(text: string): LeaderboardCsv {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
        else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') cells.push(cur), (cur = '');
      else cur += c;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return { header: rows[0] ?? [], rows: rows.slice(1) };
}

const pctValue = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const m = /^\s*(-?[0-9.]+)\s*%\s*$/.exec(s);
  return m ? Number(m[1]) : undefined;
};

export interface VerdictDifference {
  id: string;
  /** +1: fcbench passes where the official verdict failed; -1: the reverse. */
  delta: 1 | -1;
  explanation: string;
}

export interface ReproductionRow {
  model: string;
  /** The leaderboard row whose twelve category accuracies equal the official score files', if any. */
  leaderboardModel?: string;
  leaderboardOverall?: number;
  officialCorrect: number;
  officialTotal: number;
  /** Σcorrect / Σtotal of the official score files (what the leaderboard Overall is, §12.1). */
  officialOverall: number;
  oursCorrect: number;
  /** Entries fcbench re-scored (all but the skipped needs-network ones). */
  oursTotal: number;
  skipped: number;
  /** Official correct count on the entries fcbench re-scored. */
  officialOnSame: number;
  difference: number;
  differences: VerdictDifference[];
}

function leaderboardMatch(lb: LeaderboardCsv, official: ModelScoreFolder): { model: string; overall: number } | undefined {
  const col = (name: string): number => lb.header.indexOf(name);
  const iModel = col('Model');
  const iOverall = col('Overall Acc');
  const checks = Object.entries(LEADERBOARD_CATEGORY_COLUMNS).map(([name, cat]) => ({ i: col(name), acc: official.categories[cat]?.header.accuracy }));
  if (iModel < 0 || iOverall < 0 || checks.some((c) => c.i < 0 || c.acc === undefined)) return undefined;
  for (const row of lb.rows) {
    // The CSV rounds to two decimals (Python round-half-even on the percentage); allow the rounding step.
    if (checks.every((c) => Math.abs((pctValue(row[c.i]) ?? NaN) - c.acc! * 100) <= 0.0051)) {
      const overall = pctValue(row[iOverall]);
      if (overall !== undefined) return { model: row[iModel]!, overall: overall / 100 };
    }
  }
  return undefined;
}

/** One row per model folder present in both `ours` and `official`, in `ours` order. */
export function buildReproduction(ours: readonly ModelScoreFolder[], official: readonly ModelScoreFolder[], leaderboard?: LeaderboardCsv): ReproductionRow[] {
  const officialBy = new Map(official.map((f) => [f.model, f]));
  const rows: ReproductionRow[] = [];
  for (const mine of ours) {
    const off = officialBy.get(mine.model);
    if (!off) continue;
    let officialCorrect = 0;
    let officialTotal = 0;
    for (const f of Object.values(off.categories)) (officialCorrect += f.header.correctCount), (officialTotal += f.header.totalCount);
    let oursCorrect = 0;
    let oursTotal = 0;
    let skipped = 0;
    let officialOnSame = 0;
    const differences: VerdictDifference[] = [];
    for (const [cat, f] of Object.entries(mine.categories)) {
      const o = off.categories[cat];
      if (!o) continue;
      oursCorrect += f.header.correctCount;
      oursTotal += f.header.totalCount;
      const skippedIds = new Set(f.failures.filter((x) => x.skipped).map((x) => x.id));
      skipped += skippedIds.size;
      const officialFailed = new Set(o.failures.map((x) => x.id));
      const ourFailed = new Set(f.failures.filter((x) => !x.skipped).map((x) => x.id));
      let officialPassedSkipped = 0;
      for (const id of skippedIds) if (!officialFailed.has(id)) officialPassedSkipped++;
      officialOnSame += o.header.correctCount - officialPassedSkipped;
      const explain = (id: string): string => V1_TIMING_ARTEFACTS[id] ?? 'unexplained';
      for (const id of officialFailed) if (!skippedIds.has(id) && !ourFailed.has(id)) differences.push({ id, delta: 1, explanation: explain(id) });
      for (const id of ourFailed) if (!officialFailed.has(id)) differences.push({ id, delta: -1, explanation: explain(id) });
    }
    const row: ReproductionRow = {
      model: mine.model,
      officialCorrect,
      officialTotal,
      officialOverall: officialTotal ? officialCorrect / officialTotal : 0,
      oursCorrect,
      oursTotal,
      skipped,
      officialOnSame,
      difference: oursCorrect - officialOnSame,
      differences,
    };
    const lb = leaderboard ? leaderboardMatch(leaderboard, off) : undefined;
    if (lb) (row.leaderboardModel = lb.model), (row.leaderboardOverall = lb.overall);
    rows.push(row);
  }
  return rows;
}

const pct = (x: number | undefined): string => (x === undefined ? 'n/a' : `${(x * 100).toFixed(2)}%`);
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

function why(r: ReproductionRow): string {
  if (r.differences.length === 0) return r.difference === 0 ? 'identical verdicts' : 'counts differ (see score files)';
  return r.differences.map((d) => `${d.id} (${signed(d.delta)}): ${d.explanation}`).join('; ');
}

export const REPRODUCTION_COLUMNS = [
  'model folder', 'leaderboard row', 'leaderboard Overall', 'official Σcorrect/total', 'official Overall',
  'fcbench correct/re-scored', 'skipped (network)', 'official correct on same', 'difference', 'why',
];

export function reproductionCells(r: ReproductionRow): string[] {
  return [
    r.model, r.leaderboardModel ?? 'n/a', pct(r.leaderboardOverall), `${r.officialCorrect}/${r.officialTotal}`, pct(r.officialOverall),
    `${r.oursCorrect}/${r.oursTotal}`, String(r.skipped), String(r.officialOnSame), signed(r.difference), why(r),
  ];
}

export function reproductionMarkdown(rows: readonly ReproductionRow[]): string {
  const esc = (s: string): string => s.replaceAll('|', '\\|');
  const lines = [`| ${REPRODUCTION_COLUMNS.join(' | ')} |`, `|${REPRODUCTION_COLUMNS.map((_, i) => (i >= 2 && i <= 8 ? '---:' : '---')).join('|')}|`];
  for (const r of rows) lines.push(`| ${reproductionCells(r).map(esc).join(' | ')} |`);
  const exact = rows.filter((r) => r.difference === 0 && r.differences.length === 0).length;
  const unexplained = rows.flatMap((r) => r.differences).filter((d) => d.explanation === 'unexplained').length;
  lines.push('', `${rows.length} model(s): ${exact} with identical verdicts on every re-scored entry; ${unexplained} unexplained difference(s).`);
  return lines.join('\n') + '\n';
}
