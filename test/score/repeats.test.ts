import { describe, expect, it } from 'vitest';
import { stability } from '../../src/score/repeats.js';

const run = (cat: string, verdicts: Record<string, boolean>) => ({ categories: new Map([[cat, new Map(Object.entries(verdicts))]]) });

describe('stability over repeats', () => {
  it('gives mean, sample standard deviation and the entries whose verdict changed', () => {
    const s = stability([
      run('simple_python', { simple_python_0: true, simple_python_1: true, simple_python_2: false, simple_python_3: true }),
      run('simple_python', { simple_python_0: true, simple_python_1: false, simple_python_2: false, simple_python_3: true }),
      run('simple_python', { simple_python_0: true, simple_python_1: true, simple_python_2: true, simple_python_3: true }),
    ]);
    expect(s).toHaveLength(1);
    expect(s[0]!.accuracies).toEqual([0.75, 0.5, 1]);
    expect(s[0]!.mean).toBeCloseTo(0.75, 12);
    expect(s[0]!.std).toBeCloseTo(0.25, 12);
    expect(s[0]!.flipped).toEqual(['simple_python_1', 'simple_python_2']);
  });
  it('a single repeat has no spread and nothing flipped', () => {
    const s = stability([run('irrelevance', { irrelevance_0: true, irrelevance_1: false })]);
    expect([s[0]!.std, s[0]!.flipped]).toEqual([0, []]);
  });
});
