/** Resuming result files with other settings would mix two runs in one file: generate refuses unless told. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { generate } from '../../src/run/generate.js';
import { startOpenAIServer } from '../fixtures/openai-server.js';
import { BFCL_DATA } from '../fixtures/paths.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('resume with other settings', () => {
  it('refuses, names the differences, and goes on only with allowMixedSettings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcbench-mixed-'));
    temps.push(dir);
    const server = await startOpenAIServer({ script: () => ({ kind: 'answer', text: '{"tool_calls": []}' }) });
    const run = (limit: number, temperature: number, allowMixedSettings = false) =>
      generate({
        model: 'm',
        overrides: { baseUrl: server.url, format: 'xlam', temperature },
        categories: ['simple_python'],
        limit,
        dataDir: BFCL_DATA,
        resultsDir: join(dir, 'results'),
        progress: 'off',
        log: () => undefined,
        allowMixedSettings,
      });
    try {
      expect((await run(2, 0.001)).exitCode).toBe(0);
      const err = await run(4, 0.7).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).message).toMatch(/refusing to resume: .*temperature 0.001 → 0.7/);
      const file = join(dir, 'results', 'm', 'non_live', 'BFCL_v4_simple_python_result.json');
      expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
      expect((await run(4, 0.7, true)).exitCode).toBe(0);
      expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(4);
    } finally {
      await server.close();
    }
  });
});
