/**
 * The library against Python: every pure ground-truth call of the v1 exec data, executed by fcbench,
 * must give exactly the `execution_result` that the official evaluator recorded in the 2024-08-11
 * score files (same JSON text: ints stay ints, floats bit-identical).
 */
import { expect, it } from 'vitest';
import { dumpsPyJson } from '../../../src/core/pyjson.js';
import { executeCall } from '../../../src/check/exec/execute.js';
import { bfclRegistry, NETWORK_FUNCTION_NAMES } from '../../../src/check/exec/library.js';
import { loadV1ExecEntries, recordedExecutionResults, V1_EXEC_CATEGORIES } from './v1-fixture.js';

const registry = bfclRegistry();

it('reproduces every recorded pure execution_result bit for bit', async () => {
  let compared = 0;
  const functions = new Set<string>();
  const mismatches: string[] = [];
  for (const category of V1_EXEC_CATEGORIES) {
    const entries = loadV1ExecEntries(category);
    const recorded = recordedExecutionResults(category);
    for (const [index, results] of recorded) {
      const e = entries[index]!;
      for (let j = 0; j < e.groundTruth.length; j++) {
        const call = e.groundTruth[j]!;
        const name = call.slice(0, call.indexOf('('));
        if (NETWORK_FUNCTION_NAMES.has(name)) continue;
        const r = await executeCall(call, { registry });
        expect(r.ok, call).toBe(true);
        if (!r.ok) continue;
        compared++;
        functions.add(name);
        const ours = dumpsPyJson(r.value);
        const theirs = dumpsPyJson(results[j]!);
        if (ours !== theirs) mismatches.push(`${e.id} ${call}: ours ${ours} official ${theirs}`);
      }
    }
  }
  console.log(`compared ${compared} ground-truth results of ${functions.size} pure functions`);
  expect(mismatches).toEqual([]);
  expect(functions.size).toBe(32); // every pure library function is exercised
});
