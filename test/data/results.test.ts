import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { PyFloat } from '../../src/core/pyvalue.js';
import { findResultFiles, readResultFile } from '../../src/data/results.js';
import { REAL_RESULTS } from '../fixtures/paths.js';

const RUN = join(REAL_RESULTS, 'bfcl-vllm-results', 'results', '2025-11-12-main', 'result');
const REAL = join(RUN, 'openai_gpt-oss-20b', 'non_live', 'BFCL_v4_simple_python_result.json');

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'fcbench-results-'));
  temps.push(d);
  return d;
}

describe('readResultFile', () => {
  it('reads a real bfcl result file completely', () => {
    const { entries, problems } = readResultFile(REAL);
    expect(problems).toEqual([]);
    expect(entries.size).toBe(400);
    const first = entries.get('simple_python_0')!;
    expect(first).toMatchObject({ id: 'simple_python_0', line: 1, inputTokens: 192, outputTokens: 52, latency: 0.5220794677734375 });
    expect(first.result).toEqual([expect.anything()]);
  });

  it('survives a torn last line, garbage, a line without id and a duplicated id', () => {
    const lines = readFileSync(REAL, 'utf8').split('\n').filter((l) => l.trim());
    const tornFrom = lines[399]!;
    const dup = lines[10]!.replace(/"latency": [0-9.]+/, '"latency": 9.5'); // simple_python_10 again, another latency
    const edited = [
      ...lines.slice(0, 200),
      'Traceback (most recent call last): garbage', // line 201
      '{"result": "no id here"}', // line 202
      ...lines.slice(200, 399), // lines 203..401
      dup, // line 402
      tornFrom.slice(0, tornFrom.length - 25), // line 403, no newline: torn
    ];
    const file = join(tempDir(), 'BFCL_v4_simple_python_result.json');
    writeFileSync(file, edited.join('\n'));
    const { entries, problems } = readResultFile(file);
    expect(entries.size).toBe(399); // simple_python_399 was torn away
    expect(entries.has('simple_python_399')).toBe(false);
    expect(entries.get('simple_python_200')!.line).toBe(203);
    expect(entries.get('simple_python_10')).toMatchObject({ line: 402, latency: 9.5 });
    expect(problems.map((p) => [p.line, p.message.split(' (')[0]])).toEqual([
      [201, 'not valid JSON'],
      [202, 'result line has no string "id"'],
      [402, 'duplicate id simple_python_10'],
      [403, 'torn last line'],
    ]);
    expect(problems.every((p) => p.file === file)).toBe(true);
  });

  it('a missing file is a UserError naming it', () => {
    expect(() => readResultFile('/nonexistent/BFCL_v4_x_result.json')).toThrow(UserError);
    expect(() => readResultFile('/nonexistent/BFCL_v4_x_result.json')).toThrow(/nonexistent\/BFCL_v4_x_result\.json/);
  });

  it('reads an int latency (written without a fraction) as a number', () => {
    const file = join(tempDir(), 'r.json');
    writeFileSync(file, '{"id": "live_simple_0-0-0", "result": "[f(a=1)]", "latency": 2, "input_token_count": 5}\n');
    const e = readResultFile(file).entries.get('live_simple_0-0-0')!;
    expect(e.latency).toBe(2);
    expect(e.result).toBe('[f(a=1)]');
    expect(e.raw.get('latency')).not.toBeInstanceOf(PyFloat);
  });
});

describe('findResultFiles', () => {
  it('finds every result file of a real bfcl run with model, group and category', () => {
    const found = findResultFiles(RUN);
    expect(found).toHaveLength(26);
    expect(new Set(found.map((f) => f.model))).toEqual(new Set(['openai_gpt-oss-20b', 'openai_gpt-oss-120b']));
    const f = found.find((x) => x.model === 'openai_gpt-oss-120b' && x.category === 'live_parallel_multiple')!;
    expect(f).toEqual({ model: 'openai_gpt-oss-120b', group: 'live', category: 'live_parallel_multiple', path: join(RUN, 'openai_gpt-oss-120b', 'live', 'BFCL_v4_live_parallel_multiple_result.json') });
    expect(found.filter((x) => x.group === 'non_live')).toHaveLength(14);
  });

  it('accepts the flat DIR/<model>/BFCL_v4_<cat>_result.json layout and ignores other files', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'my-model'));
    writeFileSync(join(dir, 'my-model', 'BFCL_v4_live_simple_result.json'), '');
    writeFileSync(join(dir, 'my-model', 'notes.txt'), '');
    writeFileSync(join(dir, 'stray_BFCL_v4_simple_python_result.json'), '');
    expect(findResultFiles(dir)).toEqual([{ model: 'my-model', group: 'live', category: 'live_simple', path: join(dir, 'my-model', 'BFCL_v4_live_simple_result.json') }]);
  });

  it('a missing folder is a UserError', () => {
    expect(() => findResultFiles('/nonexistent-results')).toThrow(/results folder \/nonexistent-results does not exist/);
  });
});
