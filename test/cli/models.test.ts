import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { modelRows } from '../../src/cli/models.js';
import { captureConsole } from '../fixtures/console.js';

describe('fcbench models', () => {
  const con = captureConsole();
  it('lists every shipped config with backend, format and endpoint', async () => {
    const rows = modelRows();
    expect(rows.find((r) => r[0] === 'xLAM-7b-fc-r')).toEqual(['xLAM-7b-fc-r', 'xLAM-7b-fc-r (FC)', 'openai-chat', 'xlam', 'http://localhost:8001/v1']);
    expect(rows.find((r) => r[0] === 'xLAM-1b-fc-r-gguf')?.slice(2)).toEqual(['llama-cpp', 'xlam', 'hf:Salesforce/xLAM-1b-fc-r-gguf/xLAM-1b-fc-r.Q4_K_M.gguf']);
    expect(await main(['models'])).toBe(0);
    expect(con.out[0]).toMatch(/^name\s+display name\s+backend\s+format/);
    expect(con.out.length).toBe(rows.length + 1);
  });
});
