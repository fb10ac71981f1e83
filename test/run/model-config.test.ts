import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { listModelNames, MODELS_DIR, resolveModelConfig } from '../../src/run/model-config.js';
import { resolveApiKey } from '../../src/backends/api-key.js';

function userError(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError');
}

describe('model configs', () => {
  it('every shipped config validates', () => {
    const files = readdirSync(MODELS_DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(() => resolveModelConfig(join(MODELS_DIR, f))).not.toThrow();
  });

  it('xLAM-7b-fc-r: the model card vLLM endpoint, xlam format, BFCL sampling', () => {
    const c = resolveModelConfig('xLAM-7b-fc-r');
    expect(c).toMatchObject({ name: 'xLAM-7b-fc-r', model: 'xLAM-7b-fc-r', backend: 'openai-chat', baseUrl: 'http://localhost:8001/v1', format: 'xlam', sampling: { temperature: 0.001, topP: 1 } });
    expect(c.sampling.maxTokens).toBeUndefined();
  });

  it('FC and prompting configs of one OpenAI model send the same model id', () => {
    expect(resolveModelConfig('gpt-4o-2024-11-20-FC')).toMatchObject({ model: 'gpt-4o-2024-11-20', format: 'openai-fc', price: { inputPerMillion: 2.5, outputPerMillion: 10 } });
    expect(resolveModelConfig('gpt-4o-2024-11-20')).toMatchObject({ model: 'gpt-4o-2024-11-20', format: 'bfcl-prompt' });
  });

  it('flags override the file', () => {
    const c = resolveModelConfig('xLAM-1b-fc-r', { baseUrl: 'http://10.0.0.2:9000/v1', endpoint: 'completions', temperature: 0.7, topP: 0.9, maxTokens: 1200, concurrency: 3, timeout: 5, format: 'xlam-bfcl-v1' });
    expect(c).toMatchObject({ baseUrl: 'http://10.0.0.2:9000/v1', backend: 'openai-completions', format: 'xlam-bfcl-v1', concurrency: 3, timeout: 5, sampling: { temperature: 0.7, topP: 0.9, maxTokens: 1200 } });
  });

  it('listing metadata can be overridden too; a half-given price is completed from the file or refused', () => {
    expect(resolveModelConfig('gpt-4o-2024-11-20-FC', { displayName: 'GPT-4o (FC, eu)', organization: 'OpenAI', license: 'Proprietary', priceInput: 1.25 })).toMatchObject({
      displayName: 'GPT-4o (FC, eu)',
      price: { inputPerMillion: 1.25, outputPerMillion: 10 },
    });
    expect(userError(() => resolveModelConfig('xLAM-7b-fc-r', { priceInput: 1 })).message).toMatch(/price\.output_per_million \(--price-output\): is required/);
  });

  it('an ad-hoc model: a served name with --base-url and --format', () => {
    const c = resolveModelConfig('my-model', { baseUrl: 'http://127.0.0.1:1234/v1', format: 'xlam' });
    expect(c).toMatchObject({ name: 'my-model', model: 'my-model', backend: 'openai-chat', concurrency: 8, sampling: { temperature: 0.001, topP: 1 }, source: '(command line)' });
  });

  it('an unknown name lists the known ones (exit 2)', () => {
    const e = userError(() => resolveModelConfig('no-such-model'));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('unknown model "no-such-model"');
    for (const n of listModelNames()) expect(e.message).toContain(n);
  });

  it('an invalid config names the key and the file (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcbench-cfg-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', backend: 'openai-chat', format: 'xlam', sampling: { temperature: 'hot' }, concurency: 4 }));
    const e = userError(() => resolveModelConfig(file));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/sampling\.temperature: must be number/);
    expect(e.message).toMatch(/concurency: is not a known key/);
  });

  it('an unknown backend lists the allowed ones; a bad flag value names the flag', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcbench-cfg-'));
    writeFileSync(join(dir, 'x.json'), JSON.stringify({ name: 'x', backend: 'grpc', format: 'xlam' }));
    expect(userError(() => resolveModelConfig('x', {}, dir)).message).toMatch(/backend: must be equal to one of the allowed values \(openai-chat, openai-completions[,)]/);
    expect(userError(() => resolveModelConfig('xLAM-7b-fc-r', { concurrency: 0 })).message).toMatch(/concurrency \(--concurrency\): must be >= 1/);
  });

  it('finds a config by its "name" key when the file is named differently', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcbench-cfg-'));
    writeFileSync(join(dir, 'file.json'), JSON.stringify({ name: 'org/Model-1', backend: 'openai-chat', format: 'xlam', base_url: 'http://localhost:1/v1' }));
    expect(resolveModelConfig('org/Model-1', {}, dir).name).toBe('org/Model-1');
  });

  it('API key: from the env var; a placeholder for a local server; an error saying what to set for a remote one', () => {
    expect(resolveApiKey('K', 'https://api.openai.com/v1', { K: 'sk-1' })).toEqual({ key: 'sk-1' });
    expect(resolveApiKey('K', 'http://localhost:8001/v1', {})).toEqual({ key: 'EMPTY' });
    expect(resolveApiKey('K', 'http://127.0.0.1:8001/v1', {})).toEqual({ key: 'EMPTY' });
    expect(resolveApiKey('OPENAI_API_KEY', 'https://api.openai.com/v1', {})).toEqual({ error: expect.stringMatching(/OPENAI_API_KEY is not set/) });
  });
});
