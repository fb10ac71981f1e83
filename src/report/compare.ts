/**
 * Comparing two score folders of the same benchmark: per-category deltas, flipped ids, exact
 * McNemar tests, bootstrap CIs and the regression gate.
 *
 * Which ids were evaluated: score files list only failed entries. A category whose header total
 * equals the official dataset count is taken as complete (every id evaluated). Otherwise the
 * header's optional "ids" array (written by fcbench for partial runs) names the evaluated ids.
 * Without either, the two runs are paired only when their totals are equal (with a warning);
 * otherwise the category gets an accuracy delta but no paired statistics.
 */
import { V1_COUNTS, V4_COUNTS } from '../score/aggregate-categories.js';
import { bootstrapDiffCi, mcnemarExact, type BootstrapCi } from './compare-stats.js';
import type { CategoryScoreFile, ModelScoreFolder } from './score-folder.js';

export interface CategoryComparison {
  category: string;
  /** Entries compared (the common evaluated set when paired). */
  n: number;
  paired: boolean;
  baseAccuracy: number;
  candAccuracy: number;
  /** Candidate − base, in percentage points. */
  deltaPoints: number;
  /** Passed in base, failed in candidate. */
  lost: string[];
  /** Failed in base, passed in candidate. */
  gained: string[];
  pValue: number | null;
  ci: BootstrapCi | null;
  note?: string;
}

export interface Comparison {
  base: string;
  cand: string;
  categories: CategoryComparison[];
  overall: CategoryComparison;
  onlyInBase: string[];
  onlyInCand: string[];
  warnings: string[];
}

export interface CompareOptions {
  seed?: number;
  resamples?: number;
}

function datasetCount(category: string): number | undefined {
  return V4_COUNTS[category] ?? V1_COUNTS[category];
}

/** The evaluated ids, 'all' for a complete category, or undefined when unknown. */
export function evaluatedIds(f: CategoryScoreFile): Set<string> | 'all' | undefined {
  if (f.header.totalCount === datasetCount(f.category)) return 'all';
  if (f.header.ids) return new Set(f.header.ids);
  return undefined;
}

function compareCategory(category: string, b: CategoryScoreFile, c: CategoryScoreFile, opts: Required<CompareOptions>, warnings: string[]): CategoryComparison {
  const eb = evaluatedIds(b);
  const ec = evaluatedIds(c);
  let common: Set<string> | 'all' | undefined;
  let note: string | undefined;
  if (eb === 'all' && ec === 'all') common = 'all';
  else if (eb && ec) common = eb === 'all' ? (ec as Set<string>) : ec === 'all' ? eb : new Set([...eb].filter((id) => ec.has(id)));
  else if (b.header.totalCount === c.header.totalCount) {
    common = 'all';
    note = 'evaluated ids not recorded; assumed the same entries (equal totals)';
    warnings.push(`${category}: ${note}`);
  }
  const failedB = new Set(b.failures.map((e) => e.id));
  const failedC = new Set(c.failures.map((e) => e.id));
  if (common === undefined) {
    note = `not paired: ${b.header.totalCount} vs ${c.header.totalCount} entries and no "ids" in the score-file headers`;
    warnings.push(`${category}: ${note}`);
    return { category, n: 0, paired: false, baseAccuracy: b.header.accuracy, candAccuracy: c.header.accuracy, deltaPoints: (c.header.accuracy - b.header.accuracy) * 100, lost: [], gained: [], pValue: null, ci: null, note };
  }
  const inSet = (id: string): boolean => common === 'all' || common.has(id);
  const n = common === 'all' ? b.header.totalCount : common.size;
  const fb = [...failedB].filter(inSet);
  const fc = [...failedC].filter(inSet);
  const unlistedB = b.header.totalCount - b.header.correctCount - b.failures.length;
  const unlistedC = c.header.totalCount - c.header.correctCount - c.failures.length;
  if (unlistedB > 0 || unlistedC > 0) {
    note = 'failed entries not listed in a score file; ids and paired statistics unavailable';
    warnings.push(`${category}: ${note}`);
    return { category, n, paired: false, baseAccuracy: b.header.accuracy, candAccuracy: c.header.accuracy, deltaPoints: (c.header.accuracy - b.header.accuracy) * 100, lost: [], gained: [], pValue: null, ci: null, note };
  }
  const lost = fc.filter((id) => !failedB.has(id)).sort(byId);
  const gained = fb.filter((id) => !failedC.has(id)).sort(byId);
  const baseAccuracy = n === 0 ? 0 : (n - fb.length) / n;
  const candAccuracy = n === 0 ? 0 : (n - fc.length) / n;
  const out: CategoryComparison = {
    category, n, paired: true, baseAccuracy, candAccuracy, deltaPoints: (candAccuracy - baseAccuracy) * 100, lost, gained,
    pValue: mcnemarExact(lost.length, gained.length),
    ci: bootstrapDiffCi(n, lost.length, gained.length, { seed: opts.seed, label: category, resamples: opts.resamples }),
  };
  if (note) out.note = note;
  return out;
}

/** Natural order of ids: category prefix, then the numbers in them. */
function byId(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function compareFolders(base: ModelScoreFolder, cand: ModelScoreFolder, options: CompareOptions = {}): Comparison {
  const opts: Required<CompareOptions> = { seed: options.seed ?? 1, resamples: options.resamples ?? 2000 };
  const warnings: string[] = [];
  const names = (f: ModelScoreFolder): string[] => Object.keys(f.categories).filter((c) => c !== 'format_sensitivity');
  const common = names(base).filter((c) => cand.categories[c]);
  const order = Object.keys(base.layout === 'v1' ? V1_COUNTS : V4_COUNTS);
  common.sort((a, b) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0) || (a < b ? -1 : 1));
  const categories = common.map((c) => compareCategory(c, base.categories[c]!, cand.categories[c]!, opts, warnings));
  const paired = categories.filter((c) => c.paired);
  const n = paired.reduce((s, c) => s + c.n, 0);
  const lost = paired.flatMap((c) => c.lost);
  const gained = paired.flatMap((c) => c.gained);
  const baseCorrect = paired.reduce((s, c) => s + Math.round(c.baseAccuracy * c.n), 0);
  const candCorrect = paired.reduce((s, c) => s + Math.round(c.candAccuracy * c.n), 0);
  const overall: CategoryComparison = {
    category: 'overall (paired entries, pooled)', n, paired: true,
    baseAccuracy: n ? baseCorrect / n : 0, candAccuracy: n ? candCorrect / n : 0, deltaPoints: n ? ((candCorrect - baseCorrect) / n) * 100 : 0,
    lost, gained, pValue: mcnemarExact(lost.length, gained.length),
    ci: bootstrapDiffCi(n, lost.length, gained.length, { seed: opts.seed, label: '__overall__', resamples: opts.resamples }),
  };
  return {
    base: base.model, cand: cand.model, categories, overall,
    onlyInBase: names(base).filter((c) => !cand.categories[c]),
    onlyInCand: names(cand).filter((c) => !base.categories[c]),
    warnings,
  };
}

export interface GateOptions {
  /** Significance level for the McNemar test (default 0.05). */
  alpha: number;
  /** Fail when a category drops by more than this many points. */
  maxDrop?: number;
  /** Category → minimum candidate accuracy, in percent. */
  minAccuracy?: Record<string, number>;
  /** Only gate these categories (default: all compared). */
  categories?: string[];
}

export interface GateFailure {
  category: string;
  reason: string;
  lost: string[];
}

/** The regression gate: every failed condition, explained in words. */
export function regressionGate(cmp: Comparison, g: GateOptions): GateFailure[] {
  const out: GateFailure[] = [];
  for (const c of cmp.categories) {
    if (g.categories && !g.categories.includes(c.category)) continue;
    const drop = -c.deltaPoints;
    const reasons: string[] = [];
    if (c.pValue !== null && drop > 0 && c.pValue < g.alpha)
      reasons.push(`accuracy fell ${drop.toFixed(2)} points (${pctx(c.baseAccuracy)} → ${pctx(c.candAccuracy)}); ${c.lost.length} entries newly failed and ${c.gained.length} newly passed, exact McNemar p = ${fmtP(c.pValue)} < alpha ${g.alpha}`);
    if (g.maxDrop !== undefined && drop > g.maxDrop) reasons.push(`accuracy fell ${drop.toFixed(2)} points, more than the allowed ${g.maxDrop}`);
    const min = g.minAccuracy?.[c.category];
    if (min !== undefined && c.candAccuracy * 100 < min) reasons.push(`accuracy ${pctx(c.candAccuracy)} is below the suite minimum ${min}%`);
    if (reasons.length) out.push({ category: c.category, reason: reasons.join('; '), lost: c.lost });
  }
  if (g.minAccuracy && g.categories === undefined) {
    for (const cat of Object.keys(g.minAccuracy)) if (!cmp.categories.some((c) => c.category === cat)) out.push({ category: cat, reason: `the suite sets a minimum for ${cat} but the candidate has no score file for it`, lost: [] });
  } else if (g.categories) {
    for (const cat of g.categories) if (!cmp.categories.some((c) => c.category === cat)) out.push({ category: cat, reason: `the suite lists ${cat} but it is missing from the base or the candidate`, lost: [] });
  }
  return out;
}

export const pctx = (x: number): string => `${(x * 100).toFixed(2)}%`;
export const fmtP = (p: number): string => (p < 0.0001 ? p.toExponential(2) : p.toFixed(4));
