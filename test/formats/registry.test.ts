import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { formatNames, getFormat } from '../../src/formats/index.js';

describe('format registry', () => {
  it('knows the four formats by name', () => {
    expect(formatNames()).toEqual(['bfcl-prompt', 'openai-fc', 'xlam', 'xlam-bfcl-v1']);
    for (const n of formatNames()) expect(getFormat(n).name).toBe(n);
  });

  it('says which names exist when asked for an unknown one', () => {
    expect(() => getFormat('openai')).toThrow(UserError);
    expect(() => getFormat('openai')).toThrow(/unknown format "openai".*bfcl-prompt, openai-fc, xlam, xlam-bfcl-v1/);
  });

  it('only openai-fc sends names with dots replaced', () => {
    expect(formatNames().filter((n) => getFormat(n).underscoreToDot)).toEqual(['openai-fc']);
  });
});
