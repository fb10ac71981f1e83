/** BFCL's `write_score_csv_file` without the file: sort, rank, and format the cells (bfcl-spec.md §12.4). */
import { percentCell, pyFloatStr } from './leaderboard-format.js';

/** A cell before formatting: a number (accuracy 0..1, or a raw figure) or text ("N/A", names). */
export type RawCell = number | string;

/** A finished table: the CSV header and the formatted rows, rank first where BFCL has one. */
export interface LeaderboardTable {
  header: string[];
  rows: string[][];
}

/**
 * Sort rows descending by `sortColumn` ("N/A" rows last, stable for ties), write the 1-based rank
 * into column 0, print numbers as `xx.xx%` except in `rawColumns` (Python `str`).
 */
export function finishTable(header: readonly string[], rows: RawCell[][], sortColumn: number, rawColumns: readonly number[] = []): LeaderboardTable {
  const key = (r: RawCell[]): number => {
    const v = r[sortColumn];
    return typeof v === 'number' ? v : -1;
  };
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => key(b.r) - key(a.r) || a.i - b.i);
  const out = sorted.map(({ r }, rank) =>
    r.map((cell, j) => {
      if (j === 0) return String(rank + 1);
      if (typeof cell === 'string') return cell;
      return rawColumns.includes(j) ? pyFloatStr(cell) : percentCell(cell);
    }),
  );
  return { header: [...header], rows: out };
}
