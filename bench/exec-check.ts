/**
 * Executable-check throughput: the stored 2024-08-11 xLAM outputs of the four v1 exec categories,
 * checked end to end (decode → execute → match), plus raw call execution speed. Prints, asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkExecEntry, computeExpected, type DecodedExec, type ExpectedResults } from '../src/check/exec/checker.js';
import { executeCall } from '../src/check/exec/execute.js';
import { bfclRegistry } from '../src/check/exec/library.js';
import { DecodeError } from '../src/core/format.js';
import { parsePyJson } from '../src/core/pyjson.js';
import { PyDict, type PyValue } from '../src/core/pyvalue.js';
import { decodeXlamExecute } from '../src/decode/xlam-json.js';

// Run from the repository root (npm run bench); ../shared holds the real results.
const REAL_RESULTS = join(process.cwd(), '..', 'shared', 'real-results');
const RUN = join(REAL_RESULTS, 'BFCL-Result', '2024-08-11');
const DATA = join(REAL_RESULTS, 'gorilla', 'main_de8307b4', 'berkeley-function-call-leaderboard', 'data');
const CATS = ['executable_simple', 'executable_multiple_function', 'executable_parallel_function', 'executable_parallel_multiple_function'];
const MODELS = ['Salesforce_xLAM-7b-fc-r', 'Salesforce_xLAM-1b-fc-r'];

const lines = (f: string): PyDict[] => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => parsePyJson(l) as PyDict);
const decode = (r: PyValue): DecodedExec => {
  try {
    return { calls: decodeXlamExecute(r) };
  } catch (e) {
    if (e instanceof DecodeError) return { decodeError: e.message };
    throw e;
  }
};

const registry = bfclRegistry();
const work: Array<{ category: string; output: DecodedExec; resultTypes: string[]; expected: ExpectedResults }> = [];
const allGt: string[] = [];
let tExp = performance.now();
for (const category of CATS) {
  const entries = lines(join(DATA, `gorilla_openfunctions_v1_test_${category}.json`));
  const expected: ExpectedResults[] = [];
  for (const e of entries) {
    const gt = e.get('ground_truth') as string[];
    allGt.push(...gt);
    expected.push(await computeExpected(gt, { registry }));
  }
  for (const model of MODELS) {
    const results = lines(join(RUN, 'result', model, `gorilla_openfunctions_v1_test_${category}_result.json`));
    results.forEach((r, i) => work.push({ category, output: decode(r.get('result')!), resultTypes: entries[i]!.get('execution_result_type') as string[], expected: expected[i]! }));
  }
}
tExp = performance.now() - tExp;
console.log(`expected results: ${allGt.length} ground-truth calls in ${tExp.toFixed(0)} ms (incl. loading)`);

const ROUNDS = 20;
let checked = 0;
let skipped = 0;
const t0 = performance.now();
for (let r = 0; r < ROUNDS; r++)
  for (const w of work) {
    const v = await checkExecEntry({ ...w, registry });
    checked++;
    if (v.skipped) skipped++;
  }
const ms = performance.now() - t0;
console.log(`checkExecEntry: ${checked} entries (${skipped} needs-network) in ${ms.toFixed(0)} ms → ${((checked / ms) * 1000).toFixed(0)} entries/s`);

const pure = allGt.filter((c) => !c.startsWith('get_') && !c.startsWith('retrieve_') && !c.startsWith('convert_') && !c.startsWith('find_'));
let calls = 0;
const t1 = performance.now();
for (let r = 0; r < ROUNDS; r++)
  for (const c of pure) {
    await executeCall(c, { registry });
    calls++;
  }
const ms1 = performance.now() - t1;
console.log(`executeCall (pure ground truths): ${calls} calls in ${ms1.toFixed(0)} ms → ${((calls / ms1) * 1000).toFixed(0)} calls/s`);
