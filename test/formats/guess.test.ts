/** Guessing the format of results that have no model config, on real outputs. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultFile } from '../../src/data/results.js';
import { guessFormatName } from '../../src/formats/guess.js';
import { loadConformance } from '../fixtures/conformance.js';
import { REAL_RESULTS } from '../fixtures/paths.js';

const sample = (file: string) => [...readResultFile(file).entries.values()].slice(0, 50).map((l) => l.result);

describe('guessFormatName', () => {
  it('FC tool-call lists (gpt-oss on vLLM) → openai-fc', () => {
    const dir = join(REAL_RESULTS, 'bfcl-vllm-results', 'results', '2025-11-12-main', 'result', 'openai_gpt-oss-20b', 'non_live');
    for (const f of readdirSync(dir)) expect([f, guessFormatName(sample(join(dir, f)))]).toEqual([f, 'openai-fc']);
  });
  it('xLAM JSON text (2024 xLAM-7b-fc-r) → xlam', () => {
    const dir = join(REAL_RESULTS, 'BFCL-Result', '2024-07-25', 'result', 'Salesforce_xLAM-7b-fc-r');
    const f = readdirSync(dir).find((n) => n.includes('_simple_result'))!;
    expect(guessFormatName(sample(join(dir, f)))).toBe('xlam');
  });
  it('Python call text (the conformance corpus) → bfcl-prompt', () => {
    expect(guessFormatName(loadConformance().slice(0, 50).map((r) => r.rawOutput))).toBe('bfcl-prompt');
  });
});
