/**
 * bfcl-v1 executable categories against the official score files (bfcl-spec-v1.md §4.6, §7.2): with the
 * replay table, whole (model, category) pairs that match id for id, and every remaining difference is a
 * named timing artefact.
 */
import { describe, expect, it } from 'vitest';
import { evaluateV1 } from '../../src/run/evaluate-v1.js';
import { modelsOf, officialScore, V1_RUNS } from './official.js';

/**
 * The timing artefacts of bfcl-spec-v1.md §7.2 (besides executable_parallel_function id 27, whose
 * timestamp-keyed get_stock_history result failed for 31 models depending on when they were scored).
 */
const TIMING = new Set([
  'meta-llama_Meta-Llama-3-70B-Instruct executable_simple 45',
  'meta-llama_Meta-Llama-3-70B-Instruct executable_simple 46',
  'open-mixtral-8x22b-FC-Auto executable_multiple_function 27',
]);

describe('bfcl-v1 executable categories against the official score files', () => {
  it('matches whole pairs with the replay table; residual differences are timing artefacts', async () => {
    const diffs: string[] = [];
    const typeDiffs: string[] = [];
    const unexplained: string[] = [];
    let pairs = 0;
    let exact = 0;
    const [july, august] = V1_RUNS;
    for (const run of V1_RUNS) {
      const report = await evaluateV1({
        resultsDir: run.resultsDir,
        dataDir: run.dataDir,
        categories: ['executable_simple', 'executable_multiple_function', 'executable_parallel_function', 'executable_parallel_multiple_function'],
        replayScoresDirs: run === july ? [july!.scoresDir, august!.scoresDir] : [run.scoresDir],
      });
      for (const s of report.scores) {
        const official = officialScore(run, s.model, s.category)!;
        pairs++;
        const ours = new Map(s.failures.map((f) => [f.index + 1, f]));
        const idDiffs: number[] = [];
        for (const id of official.failures.keys()) if (!ours.has(id)) idDiffs.push(id);
        for (const id of ours.keys()) if (!official.failures.has(id)) idDiffs.push(id);
        if (s.skipped.length > 0) idDiffs.push(...s.skipped.map((e) => e.index + 1));
        for (const [id, f] of ours) {
          const t = official.failures.get(id)?.get('error_type');
          // A model call of a web API with arguments no ground truth used: no recording, so the replay
          // raises (execution_error) where the live API answered with a different value.
          if (t !== undefined && t !== f.verdict.errorType) {
            typeDiffs.push(`${run.run} ${s.model} ${s.category} id ${id}: official ${String(t)}, fcbench ${f.verdict.errorType} (${f.verdict.errors.join(' ').slice(0, 80)})`);
            if (f.verdict.errorType !== 'executable_checker:execution_error' || !f.verdict.errors.join(' ').includes('no recorded response')) unexplained.push(`${s.model} ${s.category} id ${id}`);
          }
        }
        if (idDiffs.length === 0 && s.correct === official.correct && s.total === official.total) exact++;
        else {
          diffs.push(`${run.run} ${s.model} ${s.category}: ids ${idDiffs.join(', ')}`);
          for (const id of idDiffs) if (!TIMING.has(`${s.model} ${s.category} ${id}`) && !(s.category === 'executable_parallel_function' && id === 27)) unexplained.push(`${s.model} ${s.category} id ${id}`);
        }
      }
    }
    console.log(`exec pairs ${pairs}, exact (counts + failing ids) ${exact}\n${diffs.join('\n')}\nerror-type differences:\n${typeDiffs.join('\n')}`);
    expect(pairs).toBe(292);
    expect(exact).toBeGreaterThanOrEqual(259);
    expect(unexplained).toEqual([]);
  }, 300_000);
});
