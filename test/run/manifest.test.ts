import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRunRecord, settingsDrift, type RunRecord } from '../../src/run/manifest.js';
import { resolveModelConfig } from '../../src/run/model-config.js';

function record(over: Partial<RunRecord> = {}): RunRecord {
  return {
    command: 'generate',
    fcbench_version: '0.1.0',
    node_version: process.version,
    started_at: '2026-01-01T00:00:00.000Z',
    ended_at: '2026-01-01T00:01:00.000Z',
    interrupted: false,
    model: resolveModelConfig('xLAM-7b-fc-r'),
    endpoint: { backend: 'openai-chat', base_url: 'http://localhost:8001/v1', models: { data: [] } },
    dataset: { dir: '/data', files: { 'BFCL_v4_simple_python.json': 'ab'.repeat(32) } },
    categories: ['simple_python'],
    options: { rerun_errors: false },
    counts: { selected: 1, alreadyDone: 0, generated: 1, inferenceErrors: 0, errorsRemaining: 0, missing: 0 },
    ...over,
  };
}

describe('run manifest', () => {
  it('keeps one record per run, oldest first', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fcbench-man-')), 'm', 'run-manifest.json');
    appendRunRecord(path, record());
    appendRunRecord(path, record({ interrupted: true }));
    const m = JSON.parse(readFileSync(path, 'utf8')) as { runs: RunRecord[] };
    expect(m.runs.map((r) => r.interrupted)).toEqual([false, true]);
    expect(m.runs[0]!.model).toMatchObject({ name: 'xLAM-7b-fc-r', sampling: { temperature: 0.001, topP: 1 } });
  });

  it('names the settings that differ from the last run that wrote entries', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fcbench-man-')), 'run-manifest.json');
    expect(settingsDrift(path, resolveModelConfig('xLAM-7b-fc-r'))).toBeUndefined();
    appendRunRecord(path, record());
    expect(settingsDrift(path, resolveModelConfig('xLAM-7b-fc-r'))).toBeUndefined();
    const msg = settingsDrift(path, resolveModelConfig('xLAM-7b-fc-r', { temperature: 0.7, format: 'xlam-bfcl-v1' }));
    expect(msg).toMatch(/format "xlam" → "xlam-bfcl-v1", temperature 0.001 → 0.7/);
    expect(msg).toMatch(/another --results folder/);
  });
});
