/** The package entry point (package.json "main") exposes a working pipeline. */
import { describe, expect, it } from 'vitest';
import * as fcbench from '../../src/index.js';
import { BFCL_DATA } from '../fixtures/paths.js';

describe('library API', () => {
  it('loads a category, decodes an answer and scores it like the CLI', () => {
    const { cases, answers } = fcbench.loadCategory(BFCL_DATA, 'simple_python');
    const c = cases[0]!;
    const format = fcbench.getFormat('bfcl-prompt');
    const base = { category: 'simple_python', kind: 'ast' as const, language: 'python' as const, testCase: c, answer: answers.get(c.id)!, format };
    expect(fcbench.scoreEntry({ ...base, result: '[calculate_triangle_area(base=10, height=5)]' }).valid).toBe(true);
    expect(fcbench.scoreEntry({ ...base, result: '[calculate_triangle_area(base=10.0, height=5)]' }).errorType).toBe('type_error:simple');
  });
});
