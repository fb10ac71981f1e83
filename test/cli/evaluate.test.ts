/** `fcbench evaluate` on bad input: every problem is named, the rest is still scored. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureConsole } from '../fixtures/console.js';
import { BFCL_DATA, REAL_RESULTS } from '../fixtures/paths.js';

const REAL = join(REAL_RESULTS, 'bfcl-vllm-results', 'results', '2025-11-12-main', 'result', 'openai_gpt-oss-20b', 'non_live');

const { out, err } = captureConsole();

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A results folder holding a copy of gpt-oss-20b's real irrelevance and simple_java result files. */
function results(): { dir: string; results: string; scores: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fcbench-cli-eval-'));
  temps.push(dir);
  const target = join(dir, 'results', 'm', 'non_live');
  mkdirSync(target, { recursive: true });
  for (const c of ['irrelevance', 'simple_java']) cpSync(join(REAL, `BFCL_v4_${c}_result.json`), join(target, `BFCL_v4_${c}_result.json`));
  return { dir, results: join(dir, 'results'), scores: join(dir, 'scores'), file: join(target, 'BFCL_v4_simple_java_result.json') };
}

const header = (scores: string, c: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(scores, 'm', 'non_live', `BFCL_v4_${c}_score.json`), 'utf8').split('\n')[0]!);

describe('fcbench evaluate', () => {
  it('scores real result files and writes score files and the v4 CSVs', async () => {
    const r = results();
    expect(await main(['evaluate', '--results', r.results, '--scores', r.scores, '--data', BFCL_DATA, '--format', 'openai-fc'])).toBe(0);
    expect(header(r.scores, 'simple_java')).toMatchObject({ correct_count: 61, total_count: 100 });
    expect(header(r.scores, 'irrelevance')).toMatchObject({ correct_count: 210, total_count: 240 });
    expect(readFileSync(join(r.scores, 'data_overall.csv'), 'utf8')).toContain('m,');
    expect(out.join('\n')).toMatch(/m\s+simple_java\s+61\s+100\s+61\.00%/);
  });

  it('reports a torn last line, a non-JSON line and an unknown id by file:line, and scores every other entry', async () => {
    const r = results();
    const lines = readFileSync(r.file, 'utf8').trimEnd().split('\n');
    lines[10] = 'this is not json';
    lines.push('{"id": "simple_java_999", "result": "[]"}');
    lines[lines.length - 2] = lines[lines.length - 2]!.slice(0, 25); // earlier last line: cut
    // The torn line goes last, as a crash leaves it.
    const torn = lines.splice(lines.length - 2, 1)[0]!;
    writeFileSync(r.file, lines.join('\n') + '\n' + torn);
    const code = await main(['evaluate', '--results', r.results, '--scores', r.scores, '--data', BFCL_DATA, '--format', 'openai-fc']);
    expect(code).toBe(2);
    const messages = err.join('\n');
    expect(messages).toContain(`${r.file}:11: not valid JSON`);
    expect(messages).toMatch(/torn last line/);
    expect(messages).toContain('simple_java_999 is not in the simple_java dataset');
    expect(messages).toMatch(/2 of 100 entries have no result: simple_java_10, simple_java_99/);
    expect(header(r.scores, 'simple_java')).toMatchObject({ total_count: 98 });
    expect(header(r.scores, 'irrelevance')).toMatchObject({ correct_count: 210, total_count: 240 });
  });

  it('--partial scores a subset on purpose and records which ids were scored', async () => {
    const r = results();
    const lines = readFileSync(r.file, 'utf8').trimEnd().split('\n').slice(0, 5);
    writeFileSync(r.file, lines.join('\n') + '\n');
    expect(await main(['evaluate', '--results', r.results, '--scores', r.scores, '--data', BFCL_DATA, '--format', 'openai-fc', '--partial'])).toBe(0);
    expect(header(r.scores, 'simple_java')).toMatchObject({ total_count: 5, ids: ['simple_java_0', 'simple_java_1', 'simple_java_2', 'simple_java_3', 'simple_java_4'] });
  });

  it('an unknown format is a usage error that lists the known ones', async () => {
    const r = results();
    expect(await main(['evaluate', '--results', r.results, '--scores', r.scores, '--data', BFCL_DATA, '--format', 'nope'])).toBe(2);
    expect(err.join('\n')).toMatch(/unknown format "nope"; known formats: .*bfcl-prompt.*openai-fc/);
  });

  it('a model folder without a config is decoded with the format its results show, said aloud', async () => {
    const r = results();
    expect(await main(['evaluate', '--results', r.results, '--scores', r.scores, '--data', BFCL_DATA])).toBe(0);
    expect(err.join('\n')).toMatch(/m has no model config: decoding its results as openai-fc \(guessed from them\); pass --format/);
    expect(header(r.scores, 'simple_java')).toMatchObject({ correct_count: 61, total_count: 100 });
  });

  it('a missing data folder says what to run', async () => {
    const r = results();
    expect(await main(['evaluate', '--results', r.results, '--scores', r.scores, '--data', join(r.dir, 'no-data'), '--format', 'openai-fc'])).toBe(2);
    expect(err.join('\n')).toMatch(/fcbench data pull/);
  });
});
