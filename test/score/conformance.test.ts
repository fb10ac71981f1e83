/**
 * The whole decode + check path against the official verdicts: every record of
 * ../shared/conformance/dev.jsonl goes from its raw output through the bfcl-prompt format and the
 * checkers, and must get the official `valid` and `error_type`.
 */
import { describe, expect, it } from 'vitest';
import { categoryInfo } from '../../src/data/categories.js';
import { getFormat } from '../../src/formats/index.js';
import { scoreEntry } from '../../src/score/entry.js';
import { answersOf, casesOf, loadConformance } from '../fixtures/conformance.js';

describe('official BFCL verdicts (conformance dev split)', () => {
  const records = loadConformance();
  const format = getFormat('bfcl-prompt');

  it('agrees on valid and error_type for every record', () => {
    const disagreements: string[] = [];
    const perCategory = new Map<string, number>();
    for (const r of records) {
      const kind = categoryInfo(r.category).kind as 'ast' | 'relevance';
      const v = scoreEntry({
        category: r.category,
        kind,
        language: r.language,
        testCase: casesOf(r.category).get(r.id)!,
        answer: answersOf(r.category).get(r.id),
        result: r.rawOutput,
        format,
      });
      perCategory.set(r.category, (perCategory.get(r.category) ?? 0) + 1);
      if (v.valid !== r.valid || (v.errorType ?? null) !== r.errorType) {
        disagreements.push(`${r.caseId} (${r.variant}): official ${r.valid}/${r.errorType}, fcbench ${v.valid}/${v.errorType ?? null} ${v.errors.join('; ').slice(0, 200)}`);
      }
    }
    expect(records.length).toBe(9338);
    expect(perCategory.size).toBe(13);
    expect(disagreements.slice(0, 20)).toEqual([]);
    expect(disagreements.length).toBe(0);
  });
});
