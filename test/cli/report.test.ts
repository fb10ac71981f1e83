import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { REAL_RESULTS } from '../fixtures/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'fcbench-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** PNG signature + IHDR width/height. */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('fcbench report on the official v4 gpt-oss score folder', () => {
  const scores = join(REAL_RESULTS, 'bfcl-vllm-results', 'results', '2025-11-12-main', 'score');
  const out = join(tmp, 'v4');
  const junit = join(tmp, 'v4-junit.xml');
  const summary = join(tmp, 'step-summary.md');
  let code = -1;

  it('exits 0 and writes every file', async () => {
    writeFileSync(summary, '# earlier step\n');
    process.env.GITHUB_STEP_SUMMARY = summary;
    try {
      code = await main(['report', '--scores', scores, '--out', out, '--junit', junit]);
    } finally {
      delete process.env.GITHUB_STEP_SUMMARY;
    }
    expect(code).toBe(0);
    for (const f of ['data_overall.csv', 'data_non_live.csv', 'data_live.csv', 'data_multi_turn.csv', 'data_agentic.csv', 'data_format_sensitivity.csv', 'leaderboard.md', 'summary.json', 'report.html', 'charts/category-accuracy.png', 'charts/overall-ranking.png', 'charts/error-breakdown.png'])
      expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('writes data_overall.csv whose accuracy columns equal the official file', () => {
    const ours = readFileSync(join(out, 'data_overall.csv'), 'utf8').split('\n').map((l) => l.split(','));
    const official = readFileSync(join(scores, 'data_overall.csv'), 'utf8').split('\n').map((l) => l.split(','));
    expect(ours[0]).toEqual(official[0]);
    // Overall Acc, Non-Live AST Acc .. Irrelevance Detection (display names differ: ours are folder names).
    for (let r = 1; r < official.length; r++) {
      expect(ours[r]![1]).toBe(official[r]![1]);
      expect(ours[r]!.slice(8, 32)).toEqual(official[r]!.slice(8, 32));
    }
  });

  it('writes PNG charts that decode to the expected sizes', () => {
    expect(pngSize(readFileSync(join(out, 'charts/overall-ranking.png')))).toEqual({ width: 900, height: 120 + 40 * 2 });
    expect(pngSize(readFileSync(join(out, 'charts/error-breakdown.png')))).toEqual({ width: 1000, height: 160 + 50 * 2 });
    const cat = pngSize(readFileSync(join(out, 'charts/category-accuracy.png')));
    expect(cat.height).toBe(600);
    expect(cat.width).toBeGreaterThanOrEqual(900);
  });

  it('separates "could not be parsed" from "answered wrong" per category', () => {
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const m = s.models.find((x: { model: string }) => x.model === 'openai_gpt-oss-120b');
    const parallel = m.categories.parallel;
    expect(parallel.total).toBe(200);
    expect(parallel.correct).toBe(0);
    // Every parallel entry fails with wrong_count: parsed, but answered wrong.
    expect(parallel.byErrorType['parallel_function_checker_no_order:wrong_count']).toBe(200);
    expect(parallel.answeredWrong).toBe(200);
    expect(parallel.couldNotBeParsed).toBe(0);
    const md = readFileSync(join(out, 'leaderboard.md'), 'utf8');
    expect(md).toContain('Output could not be parsed');
    expect(md).toMatch(/\| parallel \| 0\.00% \| 200 \| 0 \| 200 \|/);
  });

  it('writes a self-contained HTML report with a section per model and its failed entries', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect((html.match(/src="data:image\/png;base64,/g) ?? []).length).toBe(3);
    expect(html).toContain('id="m-openai_gpt-oss-120b"');
    expect(html).toContain('parallel_function_checker_no_order:wrong_count');
    expect(html).toContain('<b>Raw output</b>');
  });

  it('writes JUnit with one testsuite per category and one testcase per entry', () => {
    const xml = readFileSync(junit, 'utf8');
    const suite = /<testsuite name="openai_gpt-oss-120b\.simple_python" tests="(\d+)" failures="(\d+)"[^>]*>([\s\S]*?)<\/testsuite>/.exec(xml)!;
    expect(suite).not.toBeNull();
    expect(Number(suite[1])).toBe(400);
    expect((suite[3]!.match(/<testcase /g) ?? []).length).toBe(400);
    expect((suite[3]!.match(/<failure /g) ?? []).length).toBe(Number(suite[2]));
    expect((xml.match(/<testsuite /g) ?? []).length).toBe(2 * 17);
  });

  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY', () => {
    const s = readFileSync(summary, 'utf8');
    expect(s.startsWith('# earlier step\n')).toBe(true);
    expect(s).toContain('| Rank | Model | Overall |');
    expect(s).toContain('33.06%');
  });
});

describe('fcbench report, v1 profile and bad input', () => {
  it('writes data.csv for a 2024 v1 score folder', async () => {
    const out = join(tmp, 'v1');
    const code = await main(['report', '--scores', join(REAL_RESULTS, 'BFCL-Result', '2024-07-25', 'score'), '--out', out]);
    expect(code).toBe(0);
    const rows = readFileSync(join(out, 'data.csv'), 'utf8').split('\n');
    expect(rows[1]).toMatch(/^1,88\.35%,Salesforce_xLAM-7b-fc-r,/);
    expect(rows[2]).toMatch(/^2,78\.41%,Salesforce_xLAM-1b-fc-r,/);
  });

  it('exits 2 for a missing score folder', async () => {
    expect(await main(['report', '--scores', join(tmp, 'nope'), '--out', join(tmp, 'x')])).toBe(2);
  });
});
