/**
 * BFCL v4 aggregation (bfcl-spec.md §12.4), column for column as `generate_leaderboard_csv` writes
 * data_non_live / data_live / data_multi_turn / data_agentic / data_format_sensitivity / data_overall.
 */
import { categoryAcc, percentageWeighted, unweighted, weighted, type Acc } from './aggregate.js';
import { FORMAT_SENSITIVITY_CONFIGS, V4_COUNTS } from './aggregate-categories.js';
import { costLatencyV4 } from './leaderboard-cost.js';
import type { ModelScores } from './leaderboard.js';
import { finishTable, type LeaderboardTable, type RawCell } from './leaderboard-table.js';

export const COLUMNS_NON_LIVE = ['Rank', 'Model', 'Non-Live Overall Acc', 'AST Summary', 'Simple AST', 'Python Simple AST', 'Java Simple AST', 'JavaScript Simple AST', 'Multiple AST', 'Parallel AST', 'Parallel Multiple AST', 'Irrelevance Detection'];
export const COLUMNS_LIVE = ['Rank', 'Model', 'Live Overall Acc', 'AST Summary', 'Python Simple AST', 'Python Multiple AST', 'Python Parallel AST', 'Python Parallel Multiple AST', 'Irrelevance Detection', 'Relevance Detection'];
export const COLUMNS_MULTI_TURN = ['Rank', 'Model', 'Multi Turn Overall Acc', 'Base', 'Miss Func', 'Miss Param', 'Long Context'];
export const COLUMNS_AGENTIC = ['Rank', 'Model', 'Agentic Overall Acc', 'Web Search Summary', 'Web Search Base', 'Web Search No Snippet', 'Memory Summary', 'Memory KV', 'Memory Vector', 'Memory Recursive Summarization'];
export const COLUMNS_FORMAT_SENSITIVITY = ['Rank', 'Model', 'Format Sensitivity Max Delta', 'Format Sensitivity Standard Deviation', ...FORMAT_SENSITIVITY_CONFIGS.map((c) => `Config ${c}`)];
export const COLUMNS_OVERALL = [
  'Rank', 'Overall Acc', 'Model', 'Model Link', 'Total Cost ($)', 'Latency Mean (s)', 'Latency Standard Deviation (s)', 'Latency 95th Percentile (s)',
  'Non-Live AST Acc', 'Non-Live Simple AST', 'Non-Live Multiple AST', 'Non-Live Parallel AST', 'Non-Live Parallel Multiple AST',
  'Live Acc', 'Live Simple AST', 'Live Multiple AST', 'Live Parallel AST', 'Live Parallel Multiple AST',
  'Multi Turn Acc', 'Multi Turn Base', 'Multi Turn Miss Func', 'Multi Turn Miss Param', 'Multi Turn Long Context',
  'Web Search Acc', 'Web Search Base', 'Web Search No Snippet', 'Memory Acc', 'Memory KV', 'Memory Vector', 'Memory Recursive Summarization',
  'Relevance Detection', 'Irrelevance Detection', 'Format Sensitivity Max Delta', 'Format Sensitivity Standard Deviation', 'Organization', 'License',
];

/** Every v4 summary of one model, numeric, with the N/A display flag (`present`). */
export interface V4Aggregates {
  categories: Record<string, Acc>;
  simpleAstNonLive: Acc;
  astSummaryNonLive: Acc;
  overallNonLive: Acc;
  astSummaryLive: Acc;
  overallLive: Acc;
  overallMultiTurn: Acc;
  webSearch: Acc;
  memory: Acc;
  overallAgentic: Acc;
  irrelevance: Acc;
  relevance: Acc;
  overall: Acc;
}

/** The v4 formulas (§12.4). Missing categories count 0 with their dataset size (#849). */
export function aggregateV4(m: ModelScores): V4Aggregates {
  const c: Record<string, Acc> = {};
  for (const [name, count] of Object.entries(V4_COUNTS)) c[name] = categoryAcc(m.categories, name, count);
  const g = (n: string): Acc => c[n]!;
  const simpleAstNonLive = unweighted([g('simple_python'), g('simple_java'), g('simple_javascript')]);
  const nl = [simpleAstNonLive, g('multiple'), g('parallel'), g('parallel_multiple')];
  const astSummaryNonLive = unweighted(nl);
  // v4: irrelevance is no longer inside Non-Live Overall.
  const overallNonLive = unweighted(nl, false);
  const live = [g('live_simple'), g('live_multiple'), g('live_parallel'), g('live_parallel_multiple')];
  const astSummaryLive = weighted(live);
  // v4: relevance/irrelevance are no longer inside Live Overall.
  const overallLive = weighted(live, false);
  const overallMultiTurn = unweighted([g('multi_turn_base'), g('multi_turn_miss_func'), g('multi_turn_miss_param'), g('multi_turn_long_context')], false);
  const webSearch = unweighted([g('web_search_base'), g('web_search_no_snippet')]);
  const memory = unweighted([g('memory_kv'), g('memory_vector'), g('memory_rec_sum')]);
  const overallAgentic = unweighted([webSearch, memory], false);
  const irrelevance = unweighted([g('irrelevance'), g('live_irrelevance')]);
  const relevance = g('live_relevance');
  const overall = percentageWeighted([overallNonLive, overallLive, irrelevance, overallMultiTurn, overallAgentic], [10, 10, 10, 30, 40], false);
  return { categories: c, simpleAstNonLive, astSummaryNonLive, overallNonLive, astSummaryLive, overallLive, overallMultiTurn, webSearch, memory, overallAgentic, irrelevance, relevance, overall };
}

/** `display_accuracy`: the number, or "N/A". */
const d = (a: Acc): RawCell => (a.present ? a.accuracy : 'N/A');

export function buildV4Tables(models: readonly ModelScores[]): Record<string, LeaderboardTable> {
  const nonLive: RawCell[][] = [];
  const live: RawCell[][] = [];
  const multiTurn: RawCell[][] = [];
  const agentic: RawCell[][] = [];
  const formatSens: RawCell[][] = [];
  const overall: RawCell[][] = [];
  for (const m of models) {
    const a = aggregateV4(m);
    const c = a.categories;
    const name = m.displayName ?? m.model;
    nonLive.push(['N/A', name, d(a.overallNonLive), d(a.astSummaryNonLive), d(a.simpleAstNonLive), d(c.simple_python!), d(c.simple_java!), d(c.simple_javascript!), d(c.multiple!), d(c.parallel!), d(c.parallel_multiple!), d(c.irrelevance!)]);
    live.push(['N/A', name, d(a.overallLive), d(a.astSummaryLive), d(c.live_simple!), d(c.live_multiple!), d(c.live_parallel!), d(c.live_parallel_multiple!), d(c.live_irrelevance!), d(c.live_relevance!)]);
    multiTurn.push(['N/A', name, d(a.overallMultiTurn), d(c.multi_turn_base!), d(c.multi_turn_miss_func!), d(c.multi_turn_miss_param!), d(c.multi_turn_long_context!)]);
    agentic.push(['N/A', name, d(a.overallAgentic), d(a.webSearch), d(c.web_search_base!), d(c.web_search_no_snippet!), d(a.memory), d(c.memory_kv!), d(c.memory_vector!), d(c.memory_rec_sum!)]);
    const fs = m.formatSensitivity;
    const fsDelta: RawCell = fs ? fs.maxDelta : 'N/A';
    const fsStd: RawCell = fs ? fs.std : 'N/A';
    formatSens.push(['N/A', name, fsDelta, fsStd, ...FORMAT_SENSITIVITY_CONFIGS.map((cfg): RawCell => fs?.configs[cfg] ?? 'N/A')]);
    const cl = costLatencyV4(m.usage, m.pricing);
    overall.push([
      'N/A', d(a.overall), name, m.url ?? 'N/A', cl.cost, cl.latencyMean, cl.latencyStd, cl.latencyP95,
      d(a.astSummaryNonLive), d(a.simpleAstNonLive), d(c.multiple!), d(c.parallel!), d(c.parallel_multiple!),
      d(a.overallLive), d(c.live_simple!), d(c.live_multiple!), d(c.live_parallel!), d(c.live_parallel_multiple!),
      d(a.overallMultiTurn), d(c.multi_turn_base!), d(c.multi_turn_miss_func!), d(c.multi_turn_miss_param!), d(c.multi_turn_long_context!),
      d(a.webSearch), d(c.web_search_base!), d(c.web_search_no_snippet!), d(a.memory), d(c.memory_kv!), d(c.memory_vector!), d(c.memory_rec_sum!),
      d(a.relevance), d(a.irrelevance), fsDelta, fsStd, m.organization ?? 'N/A', m.license ?? 'N/A',
    ]);
  }
  return {
    'data_non_live.csv': finishTable(COLUMNS_NON_LIVE, nonLive, 2),
    'data_live.csv': finishTable(COLUMNS_LIVE, live, 2),
    'data_multi_turn.csv': finishTable(COLUMNS_MULTI_TURN, multiTurn, 2),
    'data_agentic.csv': finishTable(COLUMNS_AGENTIC, agentic, 2),
    'data_format_sensitivity.csv': finishTable(COLUMNS_FORMAT_SENSITIVITY, formatSens, 2, [2, 3]),
    'data_overall.csv': finishTable(COLUMNS_OVERALL, overall, 1, [4, 5, 6, 7, 32, 33]),
  };
}
