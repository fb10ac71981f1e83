/** `fcbench report --profile bfcl-v1 --official <run>/score [--leaderboard data.csv]`: the reproduction table. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { UserError } from '../core/errors.js';
import { buildReproduction, parseLeaderboardCsv, REPRODUCTION_COLUMNS, reproductionCells, reproductionMarkdown, type ReproductionRow } from '../report/reproduction.js';
import { readScoresDir, type ModelScoreFolder } from '../report/score-folder.js';

/** Print the table and write reproduction.md / reproduction.csv into `outDir`; returns the rows. */
export function writeReproductionV1(ours: readonly ModelScoreFolder[], officialDir: string, leaderboardFile: string | undefined, outDir: string, out: (s: string) => void = console.log): ReproductionRow[] {
  const official = readScoresDir(officialDir);
  let leaderboard;
  if (leaderboardFile !== undefined) {
    try {
      leaderboard = parseLeaderboardCsv(readFileSync(leaderboardFile, 'utf8'));
    } catch (e) {
      throw new UserError(`--leaderboard ${leaderboardFile}: ${(e as Error).message}`);
    }
  }
  const rows = buildReproduction(ours, official, leaderboard);
  if (rows.length === 0) throw new UserError(`--official ${officialDir}: no model folder in common with the scores`);
  const md = reproductionMarkdown(rows);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'reproduction.md'), md);
  writeFileSync(join(outDir, 'reproduction.csv'), stringify([REPRODUCTION_COLUMNS, ...rows.map(reproductionCells)], { record_delimiter: '\n' }));
  out(md);
  return rows;
}
