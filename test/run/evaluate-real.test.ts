/**
 * Re-scoring real BFCL v4 outputs (gpt-oss served by vLLM, FC mode, names sent with '_' for '.')
 * must reproduce the official score files: correct_count, failing ids and error types.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePyJson } from '../../src/core/pyjson.js';
import type { PyDict } from '../../src/core/pyvalue.js';
import { getFormat } from '../../src/formats/index.js';
import { evaluate } from '../../src/run/evaluate.js';
import { BFCL_DATA, REAL_RESULTS } from '../fixtures/paths.js';

const RUNS = join(REAL_RESULTS, 'bfcl-vllm-results', 'results');
const tmp = mkdtempSync(join(tmpdir(), 'fcbench-real-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The dataset as it was in November 2025: today's files with three possible-answer files of that time. */
function dataOfNovember2025(): string {
  const dir = join(tmp, 'data');
  mkdirSync(join(dir, 'possible_answer'), { recursive: true });
  for (const f of readdirSync(BFCL_DATA)) if (f !== 'possible_answer') symlinkSync(join(BFCL_DATA, f), join(dir, f));
  for (const f of readdirSync(join(BFCL_DATA, 'possible_answer'))) symlinkSync(join(BFCL_DATA, 'possible_answer', f), join(dir, 'possible_answer', f));
  const old = join(REAL_RESULTS, 'bfcl-vllm-results', 'possible_answer-2025-11');
  for (const f of readdirSync(old).filter((f) => f.endsWith('.json'))) {
    rmSync(join(dir, 'possible_answer', f));
    cpSync(join(old, f), join(dir, 'possible_answer', f));
  }
  return dir;
}

interface Official {
  correct: number;
  total: number;
  failures: Map<string, string>;
}

function readOfficial(file: string): Official {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const h = parsePyJson(lines[0]!) as PyDict;
  const failures = new Map<string, string>();
  for (const l of lines.slice(1)) {
    const d = parsePyJson(l) as PyDict;
    failures.set(d.get('id') as string, d.get('error_type') as string);
  }
  return { correct: h.get('correct_count') as number, total: h.get('total_count') as number, failures };
}

describe('official v4 score files of gpt-oss (vLLM) are reproduced', () => {
  const data = dataOfNovember2025();
  for (const run of readdirSync(RUNS)) {
    it(`run ${run}: every single-turn category, id for id`, async () => {
      const scores = join(tmp, `scores-${run}`);
      const report = await evaluate({
        resultsDir: join(RUNS, run, 'result'),
        scoresDir: scores,
        dataDir: data,
        formatFor: () => getFormat('openai-fc'),
        partial: false,
      });
      expect(report.problems).toEqual([]);
      expect(report.scores.length).toBeGreaterThanOrEqual(13);
      for (const s of report.scores) {
        const official = readOfficial(join(RUNS, run, 'score', s.model, s.category.startsWith('live') ? 'live' : 'non_live', `BFCL_v4_${s.category}_score.json`));
        const label = `${s.model}/${s.category}`;
        expect({ label, correct: s.correct, total: s.total }).toEqual({ label, correct: official.correct, total: official.total });
        const ours = new Map(s.failures.map((f) => [f.id, f.verdict.errorType]));
        expect({ label, failures: ours }).toEqual({ label, failures: official.failures });
      }
    });
  }
});
