/**
 * Everything `fcbench report` writes into --out:
 *   the profile's leaderboard CSVs, leaderboard.md, summary.json, charts/*.png, report.html,
 *   and optionally a JUnit XML file and a Markdown block appended to $GITHUB_STEP_SUMMARY.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { reportCharts } from './charts-report.js';
import { writeLeaderboards } from './csv.js';
import { renderHtml } from './html.js';
import { renderJsonSummary } from './json-summary.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { Report } from './report-model.js';

export interface WriteReportOptions {
  outDir: string;
  junitFile?: string;
  /** Where to append the Markdown summary (the value of $GITHUB_STEP_SUMMARY). */
  githubSummaryFile?: string;
  fontPath?: string;
}

export function writeReport(r: Report, opts: WriteReportOptions): string[] {
  const written = writeLeaderboards(opts.outDir, r.tables);
  const md = renderMarkdown(r);
  const put = (name: string, data: string | Buffer): void => {
    const p = join(opts.outDir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
    written.push(p);
  };
  put('leaderboard.md', md);
  put('summary.json', renderJsonSummary(r));
  const charts = reportCharts(r, opts.fontPath ? { fontPath: opts.fontPath } : {});
  for (const c of charts) put(join('charts', c.name), c.png);
  put('report.html', renderHtml(r, charts));
  if (opts.junitFile) {
    mkdirSync(dirname(opts.junitFile), { recursive: true });
    writeFileSync(opts.junitFile, renderJunit(r));
    written.push(opts.junitFile);
  }
  if (opts.githubSummaryFile) appendFileSync(opts.githubSummaryFile, renderMarkdown(r, { details: false }) + '\n');
  return written;
}
