/**
 * Every request payload the official code built for the dev split (../shared/prompts/expected-dev.jsonl:
 * 155 entries x 4 formats) must come out of our formats with identical strings in `messages`,
 * `prompt` and `tools` (tools compared by value, strings exactly, int/float/bool kept apart).
 */
import { describe, expect, it } from 'vitest';
import { getFormat } from '../../src/formats/index.js';
import { casesOf } from '../fixtures/conformance.js';
import { loadExpectedRequests, requestDiff } from './expected-requests.js';

const records = loadExpectedRequests();

describe('prompt fidelity against the official request payloads', () => {
  it('covers the four formats and the hard cases', () => {
    expect(records).toHaveLength(620);
    const perFormat = new Map<string, number>();
    for (const r of records) perFormat.set(r.format, (perFormat.get(r.format) ?? 0) + 1);
    expect(Object.fromEntries(perFormat)).toEqual({ 'bfcl-prompt': 155, 'openai-fc': 155, xlam: 155, 'xlam-bfcl-v1': 155 });
    const features = new Set(records.flatMap((r) => r.features));
    for (const f of ['nonascii_function', 'float_literal_in_docs', 'nested_dict', 'enum', 'type_any', 'system_message', 'astral_char', 'no_functions', 'assistant_message'])
      expect(features).toContain(f);
  });

  for (const format of ['bfcl-prompt', 'openai-fc', 'xlam', 'xlam-bfcl-v1']) {
    it(`${format}: every payload identical`, () => {
      const f = getFormat(format);
      const failures: string[] = [];
      for (const r of records.filter((x) => x.format === format)) {
        const c = casesOf(r.category).get(r.id);
        if (!c) {
          failures.push(`${r.id}: not in the dataset`);
          continue;
        }
        const diff = requestDiff(f.request!(c), r.request);
        if (diff) failures.push(`${r.id} [${r.features.join(',')}]: ${diff}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('the comparison notices a one-character difference', () => {
    const r = records.find((x) => x.format === 'bfcl-prompt' && x.features.includes('nonascii_function'))!;
    const req = getFormat('bfcl-prompt').request!(casesOf(r.category).get(r.id)!);
    expect(requestDiff(req, r.request)).toBeNull();
    if (req.kind !== 'chat') throw new Error('bfcl-prompt builds chat requests');
    req.messages[0]!.content = req.messages[0]!.content.replace(/\\u([0-9a-f]{4})/, '\\u$1'.toUpperCase());
    expect(requestDiff(req, r.request)).toMatch(/^messages\[0\]\.content/);
  });
});
