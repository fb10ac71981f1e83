import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLeaderboards } from '../../src/score/leaderboard.js';
import { COLUMNS_V1 } from '../../src/score/leaderboard-v1.js';
import { readModelScoreFolder, toModelScores } from '../../src/report/score-folder.js';
import { REAL_RESULTS } from '../fixtures/paths.js';

const csvRows = (file: string): string[][] =>
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((l) => l.split(','));

// model folder → leaderboard row, from the README's verification table (rows with one display name only).
const verification = csvRows(join(REAL_RESULTS, 'BFCL-Result', 'VERIFICATION_overall_vs_leaderboard.csv')).slice(1);
const pairs = verification.filter((r) => !r[5]!.includes('|')).map((r) => ({ snapshot: r[0]!, dir: r[1]!, display: r[5]!, csv: r[6]! }));

const ACCURACY_COLUMNS = COLUMNS_V1.filter((c, i) => i === 1 || (i >= 6 && i <= 21));

describe('v1 data.csv formula against the 2024 BFCL-Result score files and the gh-pages leaderboard', () => {
  it('has enough unambiguous pairs to mean something', () => {
    expect(pairs.length).toBeGreaterThan(55);
  });

  it.each(['2024-07-25', '2024-08-11'])('%s: every accuracy column of every model matches the leaderboard row', (snapshot) => {
    const mine = pairs.filter((p) => p.snapshot === snapshot);
    const official = csvRows(join(REAL_RESULTS, mine[0]!.csv));
    const header = official[0]!;
    expect(header).toEqual(COLUMNS_V1);
    const models = mine.map((p) => toModelScores(readModelScoreFolder(join(REAL_RESULTS, 'BFCL-Result', snapshot, 'score', p.dir)), { displayName: p.display }));
    const table = buildLeaderboards('bfcl-v1', models)['data.csv']!;
    const mismatches: string[] = [];
    for (const p of mine) {
      const want = official.find((r) => r[2] === p.display)!;
      const got = table.rows.find((r) => r[2] === p.display)!;
      for (const col of ACCURACY_COLUMNS) {
        const j = header.indexOf(col);
        if (got[j] !== want[j]) mismatches.push(`${p.display} ${col}: ${got[j]} != ${want[j]}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
