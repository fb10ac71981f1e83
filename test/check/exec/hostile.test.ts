/** Hostile model output is rejected cleanly (a verdict, not a crash) and quickly. */
import { describe, expect, it } from 'vitest';
import { checkExecEntry, computeExpected } from '../../../src/check/exec/checker.js';
import { bfclRegistry } from '../../../src/check/exec/library.js';

const registry = bfclRegistry();
const gt = ['math_factorial(n=5)'];

async function verdictFor(call: string, category = 'exec_simple') {
  const expected = await computeExpected(gt, { registry });
  return checkExecEntry({ category, output: { calls: [call] }, resultTypes: ['exact_match'], expected, registry });
}

describe('hostile outputs', () => {
  const cases: Array<[string, string]> = [
    ['code injection', "__import__('os').system('x')"],
    ['eval', "eval('1+1')"],
    ['dunder attribute', 'math_factorial.__globals__(n=1)'],
    ['unknown name', 'os.system(cmd="rm -rf /")'],
    ['nested call argument', "math_factorial(n=__import__('os').getpid())"],
    ['deeply nested literal', `math_factorial(n=${'['.repeat(5000)}1${']'.repeat(5000)})`],
    ['huge list', `calculate_mean(numbers=[${Array(200_000).fill('1').join(',')}])`],
    ['huge exponent', 'math_factorial(n=10**10**10)'],
    ['runaway loop', 'math_factorial(n=10000000)'],
    ['runaway prime search', 'get_prime_factors(number=1000000000039)'],
    ['lambda that recurses', "estimate_derivative(function='lambda x: ' + '('*3000 + 'x' + ')'*3000, x=1)"],
    ['huge repeated string', "calculate_triangle_area(base='a', height=10**9)"],
  ];
  for (const [what, call] of cases) {
    it(`${what} → execution error verdict, quickly`, async () => {
      const t = performance.now();
      const v = await verdictFor(call);
      const ms = performance.now() - t;
      expect(v.valid).toBe(false);
      expect(v.skipped).toBeUndefined();
      expect(v.errorType).toBe('executable_checker:execution_error');
      expect(v.errors[0]).toMatch(/^Error in execution: /);
      // Reported, not asserted (no timing assertions): every case finishes under the per-call budget.
      if (ms > 3000) console.log(`${what}: ${ms.toFixed(0)} ms`);
    });
  }

  it('a huge list of calls is a count error, not work', async () => {
    const expected = await computeExpected(gt, { registry });
    const v = await checkExecEntry({ category: 'exec_parallel', output: { calls: Array(100_000).fill('math_factorial(n=5)') }, resultTypes: ['exact_match'], expected, registry });
    expect(v.errorType).toBe('value_error:exec_result_count');
  });

  it('a non-list output is the wrong output format; a decode failure is a decoder error', async () => {
    const expected = await computeExpected(gt, { registry });
    const base = { category: 'exec_simple', resultTypes: ['exact_match'], expected, registry };
    expect((await checkExecEntry({ ...base, output: { calls: 'I cannot help' } })).errorType).toBe('executable_decoder:wrong_output_format');
    expect((await checkExecEntry({ ...base, output: { calls: [] } })).errorType).toBe('executable_decoder:wrong_output_format');
    expect((await checkExecEntry({ ...base, output: { decodeError: 'boom' } })).errors).toEqual(['Failed to decode executable. boom']);
  });

  it('the right call passes', async () => {
    expect((await verdictFor('math_factorial(n=5)')).valid).toBe(true);
  });
});

import { execCounts } from '../../../src/check/exec/checker.js';
describe('execCounts', () => {
  it('leaves needs-network entries out of total_count', () => {
    expect(execCounts([{ valid: true, errors: [] }, { valid: false, errors: [] }, { valid: false, skipped: true, errors: [] }])).toEqual({ correct: 1, total: 2, skipped: 1 });
  });
});
