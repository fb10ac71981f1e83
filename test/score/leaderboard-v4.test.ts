import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLeaderboards, LEADERBOARD_FILES } from '../../src/score/leaderboard.js';
import { readScoresDir, toModelScores } from '../../src/report/score-folder.js';
import { REAL_RESULTS } from '../fixtures/paths.js';

const RUNS = join(REAL_RESULTS, 'bfcl-vllm-results', 'results');

/** Official CSV → { header, rows } (the official files are unquoted). */
function readOfficial(file: string): { header: string[]; rows: string[][] } {
  const [head, ...rows] = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  return { header: head!.split(','), rows: rows.map((r) => r.split(',')) };
}

const META: Record<string, { displayName: string; url: string }> = {
  'openai_gpt-oss-120b': { displayName: 'openai/gpt-oss-120b (FC) (vLLM)', url: 'https://huggingface.co/openai/gpt-oss-120b' },
  'openai_gpt-oss-20b': { displayName: 'openai/gpt-oss-20b (FC) (vLLM)', url: 'https://huggingface.co/openai/gpt-oss-20b' },
};

describe.each(['2025-11-12-main', 'v0.11.0'])('v4 leaderboard from the official gpt-oss score files (%s)', (run) => {
  const scoreDir = join(RUNS, run, 'score');
  const models = readScoresDir(scoreDir).map((f) => toModelScores(f, { ...META[f.model]!, organization: 'OpenAI', license: 'apache-2.0' }));
  const tables = buildLeaderboards('bfcl-v4', models);

  it('writes the six v4 files', () => {
    expect(Object.keys(tables).sort()).toEqual([...LEADERBOARD_FILES['bfcl-v4']].sort());
  });

  it.each(LEADERBOARD_FILES['bfcl-v4'])('%s: same header, row order and every accuracy column as the official CSV', (name) => {
    const official = readOfficial(join(scoreDir, name));
    const ours = tables[name]!;
    expect(ours.header).toEqual(official.header);
    expect(ours.rows.length).toBe(official.rows.length);
    // Cost and latency come from result files of the official run (multi-turn results are not in the copy).
    const skip = new Set(['Total Cost ($)', 'Latency Mean (s)', 'Latency Standard Deviation (s)', 'Latency 95th Percentile (s)']);
    let compared = 0;
    official.rows.forEach((row, i) => {
      row.forEach((cell, j) => {
        if (skip.has(official.header[j]!)) return;
        expect(`${official.header[j]}=${ours.rows[i]![j]}`).toBe(`${official.header[j]}=${cell}`);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(official.rows.length * 2);
  });
});
