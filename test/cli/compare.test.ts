import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { validateSuite } from '../../src/report/suite.js';
import { ROOT, REAL_RESULTS } from '../fixtures/paths.js';

const REAL = join(REAL_RESULTS, 'bfcl-vllm-results', 'results', '2025-11-12-main', 'score', 'openai_gpt-oss-120b');
const tmp = mkdtempSync(join(tmpdir(), 'fcbench-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** A copy of the real score folder whose simple_python run lost `k` entries that passed in the real one. */
function candidateLosing(name: string, k: number): { dir: string; lost: string[] } {
  const dir = join(tmp, name, 'openai_gpt-oss-120b');
  mkdirSync(join(tmp, name), { recursive: true });
  cpSync(REAL, dir, { recursive: true });
  const file = join(dir, 'non_live', 'BFCL_v4_simple_python_score.json');
  const [head, ...rest] = readFileSync(file, 'utf8').split('\n');
  const header = JSON.parse(head!) as { accuracy: number; correct_count: number; total_count: number };
  const failed = new Set(rest.filter((l) => l.trim()).map((l) => (JSON.parse(l) as { id: string }).id));
  const lost: string[] = [];
  for (let i = 0; lost.length < k; i++) if (!failed.has(`simple_python_${i}`)) lost.push(`simple_python_${i}`);
  const correct = header.correct_count - k;
  const newHead = JSON.stringify({ accuracy: correct / header.total_count, correct_count: correct, total_count: header.total_count });
  writeFileSync(file, [newHead, ...rest].join('\n'));
  for (const id of lost)
    appendFileSync(file, '\n' + JSON.stringify({ id, model_name: 'openai_gpt-oss-120b', test_category: 'simple_python', valid: false, error: ['Invalid syntax. Failed to decode AST.'], error_type: 'ast_decoder:decoder_failed', model_result_raw: 'garbage' }));
  return { dir, lost };
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('fcbench compare on a real score folder and a modified copy', () => {
  const ten = candidateLosing('cand10', 10);
  const one = candidateLosing('cand1', 1);

  it('10 lost entries of simple_python: exits 1, names the category and every lost id', async () => {
    const r = await run(['compare', REAL, ten.dir, '--fail-on-regression']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Regression gate failed in 1 category');
    expect(r.err).toMatch(/simple_python: accuracy fell 2\.50 points/);
    expect(r.err).toContain('p = 0.0020');
    for (const id of ten.lost) expect(r.err).toContain(id);
    // The other categories are identical: nothing lost, nothing gained.
    expect(r.out).toMatch(/^multiple\s+200\s+86\.00%\s+86\.00%\s+\+0\.00/m);
    expect(r.out).toContain(`simple_python: newly failing (10): ${ten.lost.join(', ')}`);
  });

  it('1 lost entry with a significance gate: exits 0', async () => {
    const r = await run(['compare', REAL, one.dir, '--fail-on-regression', '--alpha', '0.05']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Regression gate passed.');
    expect(r.out).toContain(`simple_python: newly failing (1): ${one.lost[0]}`);
  });

  it('1 lost entry with --max-drop 0.1: exits 1 (0.25 points > 0.1)', async () => {
    const r = await run(['compare', REAL, one.dir, '--fail-on-regression', '--max-drop', '0.1']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('more than the allowed 0.1');
  });

  it('multi-turn score files that list no entries are compared by accuracy only, with a warning', async () => {
    const r = await run(['compare', REAL, one.dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/warning: multi_turn_base: failed entries not listed/);
  });

  it('takes two model folders inside one --scores folder', async () => {
    const scores = join(tmp, 'both');
    cpSync(REAL, join(scores, 'base-model'), { recursive: true });
    cpSync(ten.dir, join(scores, 'cand-model'), { recursive: true });
    const r = await run(['compare', '--scores', scores, 'base-model', 'cand-model', '--fail-on-regression']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Comparing base-model (base) → cand-model (candidate)');
  });

  it('applies a suite file: minimum accuracy per category', async () => {
    const suite = join(tmp, 'suite.json');
    writeFileSync(suite, JSON.stringify({ name: 't', categories: ['simple_python', 'multiple'], minAccuracy: { simple_python: 90 } }));
    const r = await run(['compare', REAL, one.dir, '--fail-on-regression', '--suite', suite]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('below the suite minimum 90%');
  });

  it('rejects an invalid suite file with exit 2', async () => {
    const suite = join(tmp, 'bad-suite.json');
    writeFileSync(suite, JSON.stringify({ name: 't', categories: [], maxDrop: -1, extra: 1 }));
    const r = await run(['compare', REAL, one.dir, '--suite', suite]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('invalid suite file');
  });
});

describe('suite files', () => {
  it('configs/suites/ci-smoke.json validates against configs/suite.schema.json', () => {
    const file = join(ROOT, 'configs', 'suites', 'ci-smoke.json');
    const s = validateSuite(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(s.categories).toContain('simple_python');
  });
});
