/** The format decides the endpoint and the sampling it was defined with; contradictions are bad input. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { generate } from '../../src/run/generate.js';
import { startOpenAIServer } from '../fixtures/openai-server.js';
import { BFCL_DATA } from '../fixtures/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'fcbench-fmt-endpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('format and endpoint', () => {
  it('an ad-hoc xlam-bfcl-v1 model is asked on /completions with max_tokens 1200, as BFCL did in 2024', async () => {
    const server = await startOpenAIServer({ script: () => ({ kind: 'answer', text: '[]' }) });
    try {
      const r = await generate({ model: 'm', overrides: { baseUrl: server.url, format: 'xlam-bfcl-v1' }, categories: ['simple_python'], limit: 1, dataDir: BFCL_DATA, resultsDir: join(dir, 'a'), progress: 'off', log: () => undefined });
      expect(r.exitCode).toBe(0);
      const posts = server.requests.filter((q) => q.method === 'POST');
      expect(posts.map((q) => q.path)).toEqual(['/v1/completions']);
      expect(posts[0]!.json).toMatchObject({ model: 'm', max_tokens: 1200, temperature: 0.001, top_p: 1 });
      expect(String(posts[0]!.json!['prompt'])).toMatch(/### Response:$/);
    } finally {
      await server.close();
    }
  });

  it('a chat endpoint for a completions format is refused before anything is sent', async () => {
    const server = await startOpenAIServer();
    try {
      const err = await generate({ model: 'm', overrides: { baseUrl: server.url, format: 'xlam-bfcl-v1', endpoint: 'chat' }, categories: ['simple_python'], limit: 1, dataDir: BFCL_DATA, resultsDir: join(dir, 'b'), progress: 'off', log: () => undefined }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toMatch(/format xlam-bfcl-v1 builds completions requests .* use --endpoint completions/);
      expect(server.requests.filter((q) => q.method === 'POST')).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
