/**
 * `fcbench run` end to end on the embedded engine: a tiny llama GGUF written by the test fixture,
 * loaded by the real llama.cpp binding, constrained decoding on real dataset entries; every output
 * decodes to a call list and the result and score files are complete.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureConsole } from '../fixtures/console.js';
import { parsePyJson } from '../../src/core/pyjson.js';
import type { PyDict } from '../../src/core/pyvalue.js';
import { getFormat } from '../../src/formats/index.js';
import { BFCL_DATA } from '../fixtures/paths.js';
import { writeTinyGguf } from '../fixtures/tiny-gguf.js';

const dir = mkdtempSync(join(tmpdir(), 'fcbench-llama-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fcbench run --model-path tiny.gguf --constrain', () => {
  captureConsole();
  it('generates, scores and reports with every answer a valid call list', async () => {
    const model = join(dir, 'tiny.gguf');
    writeTinyGguf(model);
    const code = await main([
        'run', '--model', 'tiny', '--model-path', model, '--format', 'xlam', '--constrain', '--threads', '1',
        '--categories', 'simple_python,multiple', '--limit', '2', '--data', BFCL_DATA,
        '--results', join(dir, 'results'), '--scores', join(dir, 'scores'), '--out', join(dir, 'report'), '--progress', 'off',
    ]);
    expect(code).toBe(0);
    const xlam = getFormat('xlam');
    for (const c of ['simple_python', 'multiple']) {
      const lines = readFileSync(join(dir, 'results', 'tiny', 'non_live', `BFCL_v4_${c}_result.json`), 'utf8').trim().split('\n').map((l) => parsePyJson(l) as PyDict);
      expect(lines.map((l) => l.get('id'))).toEqual([`${c}_0`, `${c}_1`]);
      for (const l of lines) {
        const decoded = xlam.decodeAst(l.get('result')!, 'python');
        expect(Array.isArray(decoded)).toBe(true);
      }
      const header = JSON.parse(readFileSync(join(dir, 'scores', 'tiny', 'non_live', `BFCL_v4_${c}_score.json`), 'utf8').split('\n')[0]!);
      expect(header.total_count).toBe(2);
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'results', 'tiny', 'run-manifest.json'), 'utf8'));
    expect(manifest.runs.at(-1).model.constrain).toBe(true);
  });
});
