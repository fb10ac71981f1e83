/** The stored BFCL v1 runs (../shared/real-results/BFCL-Result) and their official score files, for tests and the bench. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePyJson } from '../../src/core/pyjson.js';
import { PyDict } from '../../src/core/pyvalue.js';
import type { V1Revision } from '../../src/score/v1-entry.js';
import { REAL_RESULTS } from '../fixtures/paths.js';

export interface V1RunInfo {
  run: string;
  resultsDir: string;
  scoresDir: string;
  dataDir: string;
  revision: V1Revision;
}

export const V1_RUNS: readonly V1RunInfo[] = [
  ['2024-07-25', 'main_56f2cb21', '56f2cb21'],
  ['2024-08-11', 'main_de8307b4', 'de8307b4'],
].map(([run, data, revision]) => ({
  revision: revision as V1Revision,
  run: run!,
  resultsDir: join(REAL_RESULTS, 'BFCL-Result', run!, 'result'),
  scoresDir: join(REAL_RESULTS, 'BFCL-Result', run!, 'score'),
  dataDir: join(REAL_RESULTS, 'gorilla', data!, 'berkeley-function-call-leaderboard', 'data'),
}));

export function modelsOf(run: V1RunInfo): string[] {
  return readdirSync(run.resultsDir).sort();
}

export interface OfficialScore {
  correct: number;
  total: number;
  /** 1-based id → failure line. */
  failures: Map<number, PyDict>;
}

export function officialScore(run: V1RunInfo, model: string, category: string): OfficialScore | undefined {
  const f = join(run.scoresDir, model, `${category}_score.json`);
  if (!existsSync(f)) return undefined;
  const lines = readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => parsePyJson(l) as PyDict);
  const h = lines[0]!;
  const failures = new Map<number, PyDict>();
  for (const d of lines.slice(1)) failures.set(Number(d.get('id')), d);
  return { correct: Number(h.get('correct_count')), total: Number(h.get('total_count')), failures };
}
