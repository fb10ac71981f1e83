import { describe, expect, it } from 'vitest';
import { loadConformance } from '../fixtures/conformance.js';
import { RELEVANCE_CATEGORIES, verdictOf } from './verdict-of.js';

describe('AST and relevance checker against the official verdicts (conformance/dev.jsonl)', () => {
  const records = loadConformance();

  it('covers the whole corpus', () => {
    expect(records.length).toBe(9338);
  });

  it('gives the official valid and error_type for every record', () => {
    const mismatches: string[] = [];
    const perCategory = new Map<string, number>();
    for (const r of records) {
      const v = verdictOf(r);
      const got = v.valid ? null : (v.errorType ?? '?');
      if (v.valid !== r.valid || got !== r.errorType) mismatches.push(`${r.caseId} [${r.variant}] expected ${r.errorType ?? 'valid'} got ${got ?? 'valid'} ${v.errors.join(' | ').slice(0, 200)}`);
      perCategory.set(r.category, (perCategory.get(r.category) ?? 0) + 1);
    }
    expect(perCategory.size).toBe(13);
    expect(mismatches.slice(0, 40)).toEqual([]);
    expect(mismatches.length).toBe(0);
  });

  it('routes AST decoder failures to ast_decoder:decoder_failed, and a decoder that returned None to the format check', () => {
    const ast = records.filter((r) => !RELEVANCE_CATEGORIES.has(r.category) && r.decoded === null);
    const raised = ast.filter((r) => r.decodeError !== null);
    const returnedNone = ast.filter((r) => r.decodeError === null);
    expect(raised.length).toBeGreaterThan(1000);
    for (const r of raised) {
      expect(r.errorType).toBe('ast_decoder:decoder_failed');
      expect(verdictOf(r).errorType).toBe('ast_decoder:decoder_failed');
    }
    // The JavaScript decoder returns None for `[]` and for two calls (conformance/README.md).
    expect(new Set(returnedNone.map((r) => r.category))).toEqual(new Set(['simple_javascript']));
    for (const r of returnedNone) expect([r.errorType, verdictOf(r).errorType]).toEqual(['ast_decoder:decoder_wrong_output_format', 'ast_decoder:decoder_wrong_output_format']);
  });
});
