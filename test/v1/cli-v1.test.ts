/**
 * `fcbench evaluate --profile bfcl-v1` and the reproduction table of `fcbench report --profile bfcl-v1`, on
 * xLAM-7b-fc-r of both stored runs: exact counts on the re-scorable entries (bfcl-spec-v1.md §7.2, §7.3).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEvaluateV1 } from '../../src/cli/evaluate-v1.js';
import { writeReproductionV1 } from '../../src/cli/report-v1.js';
import { readScoresDir } from '../../src/report/score-folder.js';
import { V1_RUNS } from './official.js';

const XLAM = 'Salesforce_xLAM-7b-fc-r';
const tmp = mkdtempSync(join(tmpdir(), 'fcbench-v1-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function evaluateRun(i: number, replay?: string[]): Promise<{ out: string[]; scores: string }> {
  const run = V1_RUNS[i]!;
  const scores = join(tmp, run.run, 'scores');
  const out: string[] = [];
  const code = await runEvaluateV1({ results: run.resultsDir, data: run.dataDir, scores, model: [XLAM], ...(replay ? { replayScores: replay } : {}) }, (s) => out.push(s));
  expect(code).toBe(0);
  return { out, scores };
}

describe('fcbench evaluate/report --profile bfcl-v1 (xLAM-7b-fc-r)', () => {
  it('2024-07-25: 1,437 correct of 1,631 re-scorable = official 1,502 − 65 REST passes; leaderboard 88.35%', async () => {
    const [july, august] = V1_RUNS;
    const { out, scores } = await evaluateRun(0, [july!.scoresDir, august!.scoresDir]);
    expect(out.at(-2)).toMatch(/^1 model\(s\), evaluator revision 56f2cb21, .*: 1437\/1631 correct; 69 entries skipped/);
    expect(out.some((l) => /^Salesforce_xLAM-7b-fc-r\s+rest\s+0\s+1\s+0\.00%\s+69$/.test(l))).toBe(true);
    const csv = readFileSync(join(scores, 'data.csv'), 'utf8').split('\n');
    expect(csv[1]).toMatch(/^1,88\.11%,Salesforce_xLAM-7b-fc-r,/); // 1437/1631: skipped entries are out of total_count
    const rows = writeReproductionV1(readScoresDir(scores), join(july!.scoresDir, XLAM), join(july!.dataDir, '../../../gh-pages_98a9b28b/data.csv'), join(tmp, 'rep0725'), () => {});
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ model: XLAM, leaderboardModel: 'xLAM-7b-fc-r (FC)', leaderboardOverall: expect.closeTo(0.8835, 9), officialCorrect: 1502, officialTotal: 1700, oursCorrect: 1437, oursTotal: 1631, skipped: 69, officialOnSame: 1437, difference: 0, differences: [] });
    expect(existsSync(join(tmp, 'rep0725', 'reproduction.md'))).toBe(true);
    expect(readFileSync(join(tmp, 'rep0725', 'reproduction.csv'), 'utf8')).toContain('Salesforce_xLAM-7b-fc-r,xLAM-7b-fc-r (FC),88.35%,1502/1700,88.35%,1437/1631,69,1437,0,identical verdicts');
  }, 60_000);

  it('2024-08-11: 1,445 = official 1,509 − 65 REST passes + 1 (executable_parallel_function_26 timing artefact)', async () => {
    const august = V1_RUNS[1]!;
    const { scores } = await evaluateRun(1);
    const rows = writeReproductionV1(readScoresDir(scores), join(august.scoresDir, XLAM), join(august.dataDir, '../../../gh-pages_dd707a6d/data.csv'), join(tmp, 'rep0811'), () => {});
    expect(rows[0]).toMatchObject({ leaderboardOverall: expect.closeTo(0.8876, 9), officialCorrect: 1509, oursCorrect: 1445, oursTotal: 1631, officialOnSame: 1444, difference: 1 });
    expect(rows[0]!.differences.map((d) => [d.id, d.delta])).toEqual([['executable_parallel_function_26', 1]]);
    expect(rows[0]!.differences[0]!.explanation).toMatch(/timing artefact/);
  }, 60_000);

  it('an unknown model folder fails before scoring, naming --format', async () => {
    const run = V1_RUNS[1]!;
    const results = join(tmp, 'unknown', 'result');
    mkdirSync(join(results, 'my-model'), { recursive: true });
    copyFileSync(join(run.resultsDir, XLAM, 'gorilla_openfunctions_v1_test_simple_result.json'), join(results, 'my-model', 'gorilla_openfunctions_v1_test_simple_result.json'));
    await expect(runEvaluateV1({ results, data: run.dataDir, scores: join(tmp, 'unknown', 'scores') }, () => {})).rejects.toThrow(/"my-model" is not in the bfcl-v1 registry.*--format/);
    expect(existsSync(join(tmp, 'unknown', 'scores'))).toBe(false);
  });
});
