/** BFCL v1 (Feb – Aug 2024) `data.csv` (bfcl-spec.md §12.1; bfcl-spec-v1.md §2.3). */
import { categoryAcc, unweighted, weighted, type Acc } from './aggregate.js';
import { V1_COUNTS } from './aggregate-categories.js';
import { costLatencyV1 } from './leaderboard-cost.js';
import type { ModelScores } from './leaderboard.js';
import { finishTable, type LeaderboardTable, type RawCell } from './leaderboard-table.js';

export const COLUMNS_V1 = [
  'Rank', 'Overall Acc', 'Model', 'Model Link', 'Organization', 'License', 'AST Summary', 'Exec Summary',
  'Simple Function AST', 'Python Simple Function AST', 'Java Simple Function AST', 'JavaScript Simple Function AST',
  'Multiple Functions AST', 'Parallel Functions AST', 'Parallel Multiple AST',
  'Simple Function Exec', 'Python Simple Function Exec', 'REST Simple Function Exec',
  'Multiple Functions Exec', 'Parallel Functions Exec', 'Parallel Multiple Exec', 'Relevance Detection',
  'Cost ($ Per 1k Function Calls)', 'Latency Mean (s)', 'Latency Standard Deviation (s)', 'Latency 95th Percentile (s)',
];

export interface V1Aggregates {
  categories: Record<string, Acc>;
  simpleAst: Acc;
  simpleExec: Acc;
  astSummary: Acc;
  execSummary: Acc;
  overall: Acc;
}

/**
 * The v1 formulas. BFCL quirk: a missing category was `{accuracy 0, count 0}` then — dropped from
 * the weighted means, 0 in the unweighted ones, printed 0.00%.
 */
export function aggregateV1(m: ModelScores): V1Aggregates {
  const c: Record<string, Acc> = {};
  for (const name of Object.keys(V1_COUNTS)) c[name] = { ...categoryAcc(m.categories, name, 0), present: true };
  const g = (n: string): Acc => c[n]!;
  const simpleAst = weighted([g('simple'), g('java'), g('javascript')]);
  const simpleExec = weighted([g('executable_simple'), g('rest')]);
  const astSummary = unweighted([simpleAst, g('multiple_function'), g('parallel_function'), g('parallel_multiple_function')]);
  const execSummary = unweighted([simpleExec, g('executable_multiple_function'), g('executable_parallel_function'), g('executable_parallel_multiple_function')]);
  const overall = weighted([
    simpleAst, g('multiple_function'), g('parallel_function'), g('parallel_multiple_function'),
    simpleExec, g('executable_multiple_function'), g('executable_parallel_function'), g('executable_parallel_multiple_function'),
    g('relevance'),
  ]);
  return { categories: c, simpleAst, simpleExec, astSummary, execSummary, overall };
}

export function buildV1Tables(models: readonly ModelScores[]): Record<string, LeaderboardTable> {
  const rows: RawCell[][] = [];
  for (const m of models) {
    const a = aggregateV1(m);
    const c = (n: string): number => a.categories[n]!.accuracy;
    const cl = costLatencyV1(m.usage, m.pricing);
    rows.push([
      'N/A', a.overall.accuracy, m.displayName ?? m.model, m.url ?? 'N/A', m.organization ?? 'N/A', m.license ?? 'N/A',
      a.astSummary.accuracy, a.execSummary.accuracy,
      a.simpleAst.accuracy, c('simple'), c('java'), c('javascript'),
      c('multiple_function'), c('parallel_function'), c('parallel_multiple_function'),
      a.simpleExec.accuracy, c('executable_simple'), c('rest'),
      c('executable_multiple_function'), c('executable_parallel_function'), c('executable_parallel_multiple_function'), c('relevance'),
      cl.cost, cl.latencyMean, cl.latencyStd, cl.latencyP95,
    ]);
  }
  return { 'data.csv': finishTable(COLUMNS_V1, rows, 1, [22, 23, 24, 25]) };
}
