import { describe, expect, it } from 'vitest';
import { loadConformance } from '../fixtures/conformance.js';
import { verdictOf } from './verdict-of.js';

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
});
