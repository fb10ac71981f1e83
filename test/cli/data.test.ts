import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureConsole } from '../fixtures/console.js';
import { BFCL_DATA } from '../fixtures/paths.js';

const { out, err } = captureConsole();

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'fcbench-cli-data-'));
  temps.push(d);
  return d;
}

const rowOf = (name: string): string[] => out.join('\n').split('\n').find((l) => l.startsWith(name + ' '))!.split(/\s{2,}/);

describe('fcbench data list', () => {
  it('prints every category with group, kind and the count found in the data folder', async () => {
    expect(await main(['data', 'list', '--data', BFCL_DATA])).toBe(0);
    expect(rowOf('simple_python')).toEqual(['simple_python', 'non_live', 'ast', 'python', '400']);
    expect(rowOf('live_multiple')).toEqual(['live_multiple', 'live', 'ast', 'python', '1053']);
    expect(rowOf('live_irrelevance')).toEqual(['live_irrelevance', 'live', 'relevance', 'python', '884']);
    expect(rowOf('simple_java')).toEqual(['simple_java', 'non_live', 'ast', 'java', '100']);
    expect(rowOf('multi_turn_miss_param')).toEqual(['multi_turn_miss_param', 'multi_turn', 'multi_turn', 'python', '200']);
    expect(rowOf('memory_kv')[4]).toBe('155 (shared file)');
    expect(rowOf('rest')).toEqual(['rest', 'exec', 'exec', 'python', '70 [not scored]']);
    expect(out.join('\n')).toContain(`Counts from ${BFCL_DATA}.`);
  });

  it('marks the categories whose files are absent from a partial data folder', async () => {
    const dest = tempDir();
    expect(await main(['data', 'pull', '--dest', dest, '--from', BFCL_DATA, '--categories', 'live_simple'])).toBe(0);
    out.length = 0;
    expect(await main(['data', 'list', '--data', dest, '--categories', 'live'])).toBe(0);
    expect(rowOf('live_simple')[4]).toBe('258');
    expect(rowOf('live_multiple')[4]).toBe('missing');
    expect(out.join('\n')).not.toContain('simple_python');
    expect(out.at(-1)).toContain('fcbench data verify --data');
  });

  it('a --data folder that does not exist says what to run (exit 2)', async () => {
    expect(await main(['data', 'list', '--data', join(tempDir(), 'none')])).toBe(2);
    expect(err.join('\n')).toMatch(/does not exist\. Run 'fcbench data pull'.*--data \.\.\/shared\/bfcl-data/);
  });
});

describe('fcbench data pull / verify', () => {
  it('pulls selected categories from a local folder, verifies, and detects a modified file', async () => {
    const dest = tempDir();
    expect(await main(['data', 'pull', '--dest', dest, '--from', BFCL_DATA, '--categories', 'simple_python,irrelevance'])).toBe(0);
    expect(out.join('\n')).toMatch(/\[1\/3\] installed/);
    expect(out.at(-1)).toBe('3 installed, 0 already up to date, 0 failed.');

    out.length = 0;
    expect(await main(['data', 'verify', '--data', dest, '--categories', 'simple_python', 'irrelevance'])).toBe(0);
    expect(out.at(-1)).toBe(`${dest}: 3 of 3 files verified, 0 missing, 0 modified.`);

    const f = join(dest, 'BFCL_v4_irrelevance.json');
    writeFileSync(f, readFileSync(f, 'utf8').replace('irrelevance_0', 'irrelevance_X'));
    out.length = 0;
    expect(await main(['data', 'verify', '--data', dest, '--categories', 'simple_python,irrelevance'])).toBe(2);
    expect(out.join('\n')).toMatch(/^modified  BFCL_v4_irrelevance\.json \(sha256 [0-9a-f]{64}, expected [0-9a-f]{64}\)$/m);
    expect(err.join('\n')).toContain(`fcbench data pull --dest`);

    // verify of the whole manifest names the missing files.
    out.length = 0;
    expect(await main(['data', 'verify', '--data', dest])).toBe(2);
    expect(out).toContain('missing   BFCL_v4_live_multiple.json');
  });

  it('the official copy verifies completely', async () => {
    expect(await main(['data', 'verify', '--data', BFCL_DATA])).toBe(0);
    expect(out.at(-1)).toBe(`${BFCL_DATA}: 70 of 70 files verified, 0 missing, 0 modified.`);
  });

  it('a failed file is named and the command exits non-zero', async () => {
    const from = tempDir();
    writeFileSync(join(from, 'BFCL_v4_simple_python.json'), readFileSync(join(BFCL_DATA, 'BFCL_v4_simple_python.json'), 'utf8').replace('triangle', 'TRIANGLE'));
    const dest = tempDir();
    expect(await main(['data', 'pull', '--dest', dest, '--from', from, '--categories', 'simple_python'])).toBe(3);
    expect(err.join('\n')).toMatch(/BFCL_v4_simple_python\.json: sha256 mismatch/);
    expect(err.join('\n')).toMatch(/possible_answer\/BFCL_v4_simple_python\.json: not found in the --from folder/);
  });

  it('an unknown category is exit 2 with the valid names', async () => {
    expect(await main(['data', 'pull', '--dest', tempDir(), '--from', BFCL_DATA, '--categories', 'simple'])).toBe(2);
    expect(err.join('\n')).toMatch(/unknown test category "simple"[\s\S]*Valid categories: simple_python/);
  });
});
