/** `fcbench run` end to end against a real HTTP server: generate → evaluate → report. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { dumpsPyJson } from '../../src/core/pyjson.js';
import { PyDict, type PyValue } from '../../src/core/pyvalue.js';
import { answersOf, casesOf } from '../fixtures/conformance.js';
import { startOpenAIServer } from '../fixtures/openai-server.js';
import { BFCL_DATA } from '../fixtures/paths.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The xLAM-format answer that calls each expected function with the first allowed value of each parameter. */
function xlamAnswerFor(id: string): string {
  const calls = answersOf('simple_python').get(id)!.calls.map((c) => {
    const args = new PyDict();
    for (const [k, options] of c.params) if (options[0] !== '') args.set(k, options[0] as PyValue);
    return new PyDict([['name', c.name], ['arguments', args]]);
  });
  return dumpsPyJson(new PyDict([['tool_calls', calls]]));
}

describe('fcbench run', () => {
  it('generates, scores and reports the first entries of a category', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcbench-run-'));
    temps.push(dir);
    const byQuestion = new Map([...casesOf('simple_python').values()].slice(0, 4).map((c) => [c.question[0]![0]!.content, c.id]));
    const server = await startOpenAIServer({
      models: ['tiny'],
      script: (req) => {
        const content = String(((req.json?.messages as Array<{ content: string }>) ?? [])[0]?.content ?? '');
        const id = [...byQuestion].find(([q]) => content.includes(q))?.[1];
        // The fourth entry gets a wrong answer: it must show up as a failure.
        return { kind: 'answer', text: id && id !== 'simple_python_3' ? xlamAnswerFor(id) : '{"tool_calls": []}' };
      },
    });
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const code = await main([
        'run', '--model', 'tiny', '--base-url', server.url, '--format', 'xlam', '--categories', 'simple_python', '--limit', '4',
        '--data', BFCL_DATA, '--results', join(dir, 'results'), '--scores', join(dir, 'scores'), '--out', join(dir, 'report'), '--progress', 'off',
      ]);
      expect(code).toBe(0);
    } finally {
      vi.restoreAllMocks();
      await server.close();
    }
    expect(server.requests.filter((r) => r.path.endsWith('/chat/completions')).length).toBe(4);
    const score = readFileSync(join(dir, 'scores', 'tiny', 'non_live', 'BFCL_v4_simple_python_score.json'), 'utf8').split('\n');
    expect(JSON.parse(score[0]!)).toMatchObject({ correct_count: 3, total_count: 4 });
    expect(JSON.parse(score[1]!)).toMatchObject({ id: 'simple_python_3', error_type: 'simple_function_checker:wrong_count' });
    expect(existsSync(join(dir, 'report', 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'scores', 'data_overall.csv'))).toBe(true);
  });

  it('--repeats N runs the entries N times and names the entries whose verdict changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcbench-run-'));
    temps.push(dir);
    const byQuestion = new Map([...casesOf('simple_python').values()].slice(0, 3).map((c) => [c.question[0]![0]!.content, c.id]));
    let seen1 = 0;
    const server = await startOpenAIServer({
      script: (req) => {
        const content = String(((req.json?.messages as Array<{ content: string }>) ?? [])[0]?.content ?? '');
        const id = [...byQuestion].find(([q]) => content.includes(q))?.[1];
        // simple_python_1 is answered right the first time only: a flaky model.
        if (id === 'simple_python_1' && seen1++ > 0) return { kind: 'answer', text: '{"tool_calls": []}' };
        return { kind: 'answer', text: id ? xlamAnswerFor(id) : '{"tool_calls": []}' };
      },
    });
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const code = await main([
        'run', '--model', 'flaky', '--base-url', server.url, '--format', 'xlam', '--categories', 'simple_python', '--limit', '3', '--repeats', '2',
        '--data', BFCL_DATA, '--results', join(dir, 'results'), '--scores', join(dir, 'scores'), '--progress', 'off',
      ]);
      expect(code).toBe(0);
    } finally {
      vi.restoreAllMocks();
      await server.close();
    }
    const rows = JSON.parse(readFileSync(join(dir, 'scores', 'repeats.json'), 'utf8'));
    expect(rows).toEqual([expect.objectContaining({ category: 'simple_python', accuracies: [1, 2 / 3], flipped: ['simple_python_1'], entries: 3 })]);
    expect(out.join('\n')).toMatch(/simple_python\s+mean 83\.33%\s+sd 23\.57.*changed: simple_python_1/);
  });
});
