/** A user suite names its own functions module; its exec categories are checked against it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExecEntry, computeExpected } from '../../../src/check/exec/checker.js';
import { loadCustomRegistry } from '../../../src/check/exec/custom-module.js';
import { pyRepr } from '../../../src/core/pyrepr.js';
import { parsePyJson } from '../../../src/core/pyjson.js';
import { PyDict, type PyValue } from '../../../src/core/pyvalue.js';
import { ROOT } from '../../fixtures/paths.js';

const SUITE = join(ROOT, 'datasets', 'custom-example');
const suite = JSON.parse(readFileSync(join(SUITE, 'suite.json'), 'utf8')) as { execModule: string; categories: string[] };
const read = (f: string): PyDict[] => readFileSync(f, 'utf8').trim().split('\n').map((l) => parsePyJson(l) as PyDict);

describe('custom-example suite', async () => {
  const registry = await loadCustomRegistry(join(SUITE, suite.execModule));

  it('computes expected results with Python types', async () => {
    const e = await computeExpected(['shipping_cost(weight_kg=2.3)', "parcel_label(name='Ada', city='London', postcode='NW1')"], { registry });
    expect(e.ok && e.results.map(pyRepr)).toEqual(['8.25', "{'to': 'ADA', 'city': 'London', 'postcode': 'NW1'}"]);
  });

  for (const category of suite.categories) {
    it(`${category}: ground truth passes, a wrong answer fails, an unknown function is an execution error`, async () => {
      const answers = read(join(SUITE, 'possible_answer', `BFCL_v4_${category}.json`));
      expect(read(join(SUITE, `BFCL_v4_${category}.json`)).length).toBe(answers.length);
      for (const a of answers) {
        const gt = a.get('ground_truth') as string[];
        const resultTypes = a.get('execution_result_type') as string[];
        const expected = await computeExpected(gt, { registry });
        expect(expected.ok).toBe(true);
        const check = (calls: PyValue) => checkExecEntry({ category, output: { calls }, resultTypes, expected, registry });
        expect(await check([...gt].reverse())).toMatchObject({ valid: true });
        const wrong = gt.map((c) => c.replace(/\d+(\.\d+)?/, '77'));
        // A structural match only looks at the shape, so a changed value still passes there.
        expect((await check(wrong)).valid).toBe(!resultTypes.every((t) => t === 'exact_match'));
        expect(await check(gt.map(() => 'no_such_function(x=1)'))).toMatchObject({ valid: false });
      }
    });
  }

  it('a module error surfaces as an execution error with its message', async () => {
    const expected = await computeExpected(['shipping_cost(weight_kg=1)'], { registry });
    const v = await checkExecEntry({ category: 'shop_exec_simple', output: { calls: ["shipping_cost(weight_kg='heavy')"] }, resultTypes: ['exact_match'], expected, registry });
    expect(v).toMatchObject({ errorType: 'executable_checker:execution_error' });
    expect(v.errors[0]).toContain('weight_kg must be a positive number');
  });
});
