import { expect, it } from 'vitest';
import { answersOf, casesOf, loadConformance } from '../fixtures/conformance.js';

it('loads every conformance record and finds its dataset entry', () => {
  const recs = loadConformance();
  expect(recs.length).toBe(9338);
  for (const r of recs) {
    expect(casesOf(r.category).has(r.id)).toBe(true);
    if (!r.category.includes('relevance')) expect(answersOf(r.category).has(r.id)).toBe(true);
  }
});
