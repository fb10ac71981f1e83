import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PyDict, PyFloat } from '../../src/core/pyvalue.js';
import { isInferenceErrorLine, ResultStore } from '../../src/run/result-store.js';
import { answerLine, errorLine } from '../../src/run/run-entries.js';
import { compareIds } from '../../src/data/categories.js';

const tmpFile = (): string => join(mkdtempSync(join(tmpdir(), 'fcbench-store-')), 'non_live', 'BFCL_v4_simple_python_result.json');
const ok = (id: string, result = '[f(a=1)]') => answerLine(id, result, { text: result, inputTokens: 3, outputTokens: 2 }, 0.5);
const lines = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => l !== '');

describe('ResultStore', () => {
  it('appends BFCL lines (floats kept) and refuses a second line for an id', () => {
    const f = tmpFile();
    const s = ResultStore.open(f);
    s.append(ok('simple_python_1'));
    s.append(answerLine('simple_python_0', [new PyDict([['f', '{"a": 1.0}']])], { text: null, inputTokens: 812, outputTokens: 14, latency: 1 }, 9));
    expect(() => s.append(ok('simple_python_1'))).toThrow(/already holds a line/);
    s.close(compareIds);
    expect(lines(f)).toEqual([
      '{"id": "simple_python_0", "result": [{"f": "{\\"a\\": 1.0}"}], "input_token_count": 812, "output_token_count": 14, "latency": 1.0}',
      '{"id": "simple_python_1", "result": "[f(a=1)]", "input_token_count": 3, "output_token_count": 2, "latency": 0.5}',
    ]);
    expect(existsSync(`${f}.lock`)).toBe(false);
  });

  it('cuts a torn last line on open and resumes', () => {
    const f = tmpFile();
    const s = ResultStore.open(f);
    s.append(ok('simple_python_0'));
    s.close();
    writeFileSync(f, readFileSync(f, 'utf8') + '{"id": "simple_python_1", "result": "[f(a=');
    const s2 = ResultStore.open(f);
    expect(s2.notes.join()).toMatch(/torn last line/);
    expect(s2.has('simple_python_0')).toBe(true);
    expect(s2.has('simple_python_1')).toBe(false);
    s2.append(ok('simple_python_1'));
    s2.close();
    expect(lines(f).map((l) => JSON.parse(l).id)).toEqual(['simple_python_0', 'simple_python_1']);
  });

  it('keeps a complete last line that only lacks its newline', () => {
    const f = tmpFile();
    ResultStore.open(f).close();
    writeFileSync(f, '{"id": "simple_python_0", "result": "x"}');
    const s = ResultStore.open(f);
    expect(s.has('simple_python_0')).toBe(true);
    s.append(ok('simple_python_1'));
    s.close();
    expect(lines(f)).toHaveLength(2);
  });

  it('collapses duplicate ids (an answer beats an inference error)', () => {
    const f = tmpFile();
    ResultStore.open(f).close();
    const e = errorLine('simple_python_0', 'boom', 'server', 3);
    writeFileSync(f, [ok('simple_python_0'), e, ok('simple_python_1'), ok('simple_python_1', 'later')].map((d) => JSON.stringify(Object.fromEntries(d.entries() as [string, unknown][]), (_k, v) => (v instanceof PyFloat ? v.value : v))).join('\n') + '\n');
    const s = ResultStore.open(f);
    expect(s.notes.join()).toMatch(/2 duplicate/);
    expect(s.isError('simple_python_0')).toBe(false);
    s.close();
    const got = lines(f).map((l) => JSON.parse(l) as { id: string; result: string });
    expect(got.map((g) => g.id)).toEqual(['simple_python_0', 'simple_python_1']);
    expect(got[1]!.result).toBe('later');
  });

  it('--rerun-errors drops only the selected error lines, atomically, before anything is sent', () => {
    const f = tmpFile();
    const s = ResultStore.open(f);
    s.append(errorLine('simple_python_0', 'HTTP 500', 'server', 6));
    s.append(errorLine('simple_python_1', 'HTTP 500', 'server', 6));
    s.append(ok('simple_python_2'));
    expect(s.isError('simple_python_0')).toBe(true);
    s.close();
    const s2 = ResultStore.open(f, { dropErrors: (id) => id !== 'simple_python_1' });
    expect(s2.has('simple_python_0')).toBe(false);
    expect(s2.isError('simple_python_1')).toBe(true);
    expect(s2.has('simple_python_2')).toBe(true);
    s2.close();
    expect(lines(f).map((l) => JSON.parse(l).id)).toEqual(['simple_python_1', 'simple_python_2']);
  });

  it('recognises BFCL error lines without our marker', () => {
    expect(isInferenceErrorLine(new PyDict([['id', 'a'], ['result', 'Error during inference: 500'], ['traceback', '...']]))).toBe(true);
    expect(isInferenceErrorLine(new PyDict([['id', 'a'], ['result', '[f()]']]))).toBe(false);
  });

  it('one writer per file: a second open is refused while the first holds the lock; a stale lock is taken over', () => {
    const f = tmpFile();
    const s = ResultStore.open(f);
    expect(() => ResultStore.open(f)).toThrow(/being written by another fcbench process/);
    s.close();
    writeFileSync(`${f}.lock`, '999999999\n'); // a pid that does not exist
    const s2 = ResultStore.open(f);
    s2.close();
  });
});
