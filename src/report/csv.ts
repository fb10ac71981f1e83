/** Leaderboard CSV files, written with csv-stringify (quoted only where a value needs it). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { LeaderboardTable } from '../score/leaderboard.js';

/** One table as CSV text. BFCL quirk kept: no newline after the last row. */
export function tableToCsv(t: LeaderboardTable): string {
  return stringify([t.header, ...t.rows], { record_delimiter: '\n' }).replace(/\n$/, '');
}

/** Write every table into `dir` under its file name; returns the paths written. */
export function writeLeaderboards(dir: string, tables: Record<string, LeaderboardTable>): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(tables).map(([name, t]) => {
    const p = join(dir, name);
    writeFileSync(p, tableToCsv(t));
    return p;
  });
}
