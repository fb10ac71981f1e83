/**
 * Executable categories through `fcbench evaluate`: the ground-truth calls themselves, given as a
 * prompting model's answer, must pass every entry that can be decided offline; entries that need a
 * live API are listed as skipped and left out of total_count; a wrong answer fails with BFCL's error type.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parsePyJson } from '../../src/core/pyjson.js';
import type { PyDict } from '../../src/core/pyvalue.js';
import { readJsonl } from '../../src/data/jsonl.js';
import { BFCL_DATA, ROOT } from '../fixtures/paths.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Result lines answering each entry with its ground truth (bfcl-prompt text), optionally spoiled. */
function writeAnswers(answerFile: string, resultFile: string, spoil: (id: string) => boolean): void {
  const lines = readJsonl(answerFile).lines.map(({ value }) => {
    const d = value as PyDict;
    const id = d.get('id') as string;
    const calls = d.get('ground_truth') as string[];
    const text = spoil(id) ? '[no_such_function(x=1)]' : `[${calls.join(', ')}]`;
    return JSON.stringify({ id, result: text });
  });
  mkdirSync(join(resultFile, '..'), { recursive: true });
  writeFileSync(resultFile, lines.join('\n') + '\n');
}

function scoreFile(path: string): { header: PyDict; lines: PyDict[] } {
  const [h, ...rest] = readFileSync(path, 'utf8').trim().split('\n').map((l) => parsePyJson(l) as PyDict);
  return { header: h!, lines: rest };
}

describe('executable categories', () => {
  it('exec_simple: ground truth passes every offline-decidable entry; network entries are skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcbench-exec-'));
    temps.push(dir);
    writeAnswers(join(BFCL_DATA, 'unused_datasets', 'possible_answer', 'BFCL_v4_exec_simple.json'), join(dir, 'results', 'm', 'exec', 'BFCL_v4_exec_simple_result.json'), (id) => id === 'exec_simple_0');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await main(['evaluate', '--results', join(dir, 'results'), '--scores', join(dir, 'scores'), '--data', BFCL_DATA, '--format', 'bfcl-prompt']);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const { header, lines } = scoreFile(join(dir, 'scores', 'm', 'exec', 'BFCL_v4_exec_simple_score.json'));
    const skipped = lines.filter((l) => l.get('skipped') === true);
    const failed = lines.filter((l) => l.get('skipped') !== true);
    // bfcl-spec-v1.md §4.3: 62 of the 100 exec_simple entries use only local functions.
    expect(header.get('total_count')).toBe(100 - skipped.length);
    expect(skipped.length).toBe(38);
    expect(header.get('skipped_count')).toBe(38);
    expect(failed.map((l) => [l.get('id'), l.get('error_type')])).toEqual([['exec_simple_0', 'executable_checker:execution_error']]);
    expect(header.get('correct_count')).toBe((header.get('total_count') as number) - 1);
  });

  it('a custom suite is checked against its own functions module', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcbench-suite-'));
    temps.push(dir);
    const suite = join(ROOT, 'datasets', 'custom-example');
    for (const c of ['shop_exec_simple', 'shop_exec_parallel']) {
      writeAnswers(join(suite, 'possible_answer', `BFCL_v4_${c}.json`), join(dir, 'results', 'm', 'non_live', `BFCL_v4_${c}_result.json`), (id) => id.endsWith('_1'));
    }
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await main(['evaluate', '--results', join(dir, 'results'), '--scores', join(dir, 'scores'), '--suite', join(suite, 'suite.json'), '--format', 'bfcl-prompt']);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const simple = scoreFile(join(dir, 'scores', 'm', 'non_live', 'BFCL_v4_shop_exec_simple_score.json'));
    expect([simple.header.get('correct_count'), simple.header.get('total_count')]).toEqual([3, 4]);
    expect(simple.lines.map((l) => l.get('id'))).toEqual(['shop_exec_simple_1']);
    const parallel = scoreFile(join(dir, 'scores', 'm', 'non_live', 'BFCL_v4_shop_exec_parallel_score.json'));
    expect(parallel.lines.map((l) => [l.get('id'), l.get('error_type')])).toEqual([['shop_exec_parallel_1', 'value_error:exec_result_count']]);
  });
});
