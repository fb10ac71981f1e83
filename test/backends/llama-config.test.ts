/** Model configs and flags for the llama-cpp backend: the default config, llama_cpp keys, flag errors. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCAL_MODEL_CONFIG, defaultThreads } from '../../src/backends/llama-cpp.js';
import { llamaOverrides } from '../../src/cli/generate.js';
import { resolveModelConfig } from '../../src/run/model-config.js';

const tmp = mkdtempSync(join(tmpdir(), 'fcbench-llama-cfg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the default local model config', () => {
  it('is valid, runs in-process and points at the xLAM-1b-fc-r Q4_K_M GGUF', () => {
    const cfg = resolveModelConfig(DEFAULT_LOCAL_MODEL_CONFIG);
    expect(cfg).toMatchObject({ backend: 'llama-cpp', format: 'xlam', concurrency: 1, sampling: { temperature: 0.001, topP: 1 } });
    expect(cfg.llamaCpp).toMatchObject({ modelPath: 'hf:Salesforce/xLAM-1b-fc-r-gguf/xLAM-1b-fc-r.Q4_K_M.gguf', gpuLayers: 'auto', parallel: 1 });
    expect(cfg.constrain).toBeUndefined(); // off by default
  });

  it('flags override its llama_cpp keys; --constrain is recorded in the config', () => {
    const cfg = resolveModelConfig(DEFAULT_LOCAL_MODEL_CONFIG, { llamaCpp: { modelPath: '/models/x.gguf', threads: 2, contextSize: 4096 }, constrain: true });
    expect(cfg.llamaCpp).toMatchObject({ modelPath: '/models/x.gguf', threads: 2, contextSize: 4096, gpuLayers: 'auto' });
    expect(cfg.constrain).toBe(true);
  });
});

describe('ad-hoc local models and errors', () => {
  it('--model NAME --model-path FILE --format FMT needs no config file', () => {
    const cfg = resolveModelConfig('my-local', { format: 'xlam-bfcl-v1', llamaCpp: { modelPath: 'm.gguf', parallel: 3 } });
    expect(cfg).toMatchObject({ name: 'my-local', backend: 'llama-cpp', format: 'xlam-bfcl-v1', concurrency: 3, source: '(command line)' });
  });

  it('--model-path on a served model config switches it to the embedded backend', () => {
    const cfg = resolveModelConfig('xLAM-1b-fc-r', { llamaCpp: { modelPath: 'local.gguf' } });
    expect(cfg.backend).toBe('llama-cpp');
    expect(cfg.llamaCpp?.modelPath).toBe('local.gguf');
  });

  it('a bad value names the flag', () => {
    expect(() => resolveModelConfig('m', { format: 'xlam', llamaCpp: { modelPath: 'm.gguf', threads: 0 } })).toThrow(/llama_cpp\.threads \(--threads\)/);
    expect(() => resolveModelConfig('m', { format: 'xlam', llamaCpp: { modelPath: 'm.gguf', sha256: 'abc' } })).toThrow(/--model-sha256/);
  });

  it('a llama-cpp config without llama_cpp.model_path is refused, naming the key and the file', () => {
    const f = join(tmp, 'no-path.json');
    writeFileSync(f, JSON.stringify({ name: 'no-path', backend: 'llama-cpp', format: 'xlam' }));
    expect(() => resolveModelConfig(f)).toThrow(/no-path\.json[\s\S]*llama_cpp: is required/);
    writeFileSync(f, JSON.stringify({ name: 'no-path', backend: 'llama-cpp', format: 'xlam', llama_cpp: { threads: 2 } }));
    expect(() => resolveModelConfig(f)).toThrow(/llama_cpp\.model_path: is required/);
  });

  it('--gpu-layers takes auto, max or a whole number', () => {
    expect(llamaOverrides({ 'gpu-layers': '0' })).toEqual({ gpuLayers: 0 });
    expect(llamaOverrides({ 'gpu-layers': 'max', threads: 2 })).toEqual({ gpuLayers: 'max', threads: 2 });
    expect(llamaOverrides({})).toBeUndefined();
    expect(() => llamaOverrides({ 'gpu-layers': 'all' })).toThrow(/--gpu-layers must be auto, max or a whole number/);
  });
});

describe('default threads', () => {
  it('all cores up to 8, at most one per 100 MB of weights, at least one', () => {
    expect(defaultThreads(2, 900e6)).toBe(2); // xLAM-1b Q4_K_M on this machine
    expect(defaultThreads(32, 4e9)).toBe(8);
    expect(defaultThreads(16, 250e6)).toBe(2);
    expect(defaultThreads(2, 400e3)).toBe(1); // the tiny test model
  });
});
