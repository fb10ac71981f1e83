import { describe, expect, it } from 'vitest';
import { bootstrapDiffCi, mcnemarExact } from '../../src/report/compare-stats.js';

describe('exact McNemar test', () => {
  it('matches the two-sided binomial test (scipy.stats.binomtest values)', () => {
    expect(mcnemarExact(10, 0)).toBeCloseTo(2 / 1024, 12);
    expect(mcnemarExact(1, 0)).toBe(1);
    expect(mcnemarExact(0, 0)).toBe(1);
    // binomtest(3, 15, 0.5).pvalue = 0.03515625
    expect(mcnemarExact(3, 12)).toBeCloseTo(0.03515625, 10);
    expect(mcnemarExact(12, 3)).toBeCloseTo(0.03515625, 10);
    // symmetric split → 1
    expect(mcnemarExact(7, 7)).toBe(1);
  });
});

describe('bootstrap CI for the accuracy difference', () => {
  it('is deterministic for a seed and brackets the observed difference', () => {
    const a = bootstrapDiffCi(400, 10, 0, { seed: 1, label: 'simple_python' });
    const b = bootstrapDiffCi(400, 10, 0, { seed: 1, label: 'simple_python' });
    expect(a).toEqual(b);
    expect(a.low).toBeLessThan(-2.5);
    expect(a.high).toBeLessThan(0);
    expect(a.high).toBeGreaterThan(-2.5);
    const c = bootstrapDiffCi(400, 10, 0, { seed: 2, label: 'simple_python' });
    expect(c).not.toEqual(a);
  });

  it('is a point at zero when nothing changed', () => {
    expect(bootstrapDiffCi(200, 0, 0, { seed: 1, label: 'x' })).toMatchObject({ low: 0, high: 0 });
  });
});
