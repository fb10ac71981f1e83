/**
 * Scoring throughput on the conformance dev corpus (9,338 official verdicts):
 *  1. checker time: decode + check of every record in-process, data already loaded;
 *  2. `fcbench evaluate` wall time over the same records written as BFCL-layout result files
 *     (candidate k of every entry becomes model folder `cand-k`), end to end in a fresh process.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dumpsPyJson } from '../src/core/pyjson.js';
import { PyDict } from '../src/core/pyvalue.js';
import { categoryInfo, resultFilePath } from '../src/data/categories.js';
import { getFormat } from '../src/formats/index.js';
import { scoreEntry } from '../src/score/entry.js';
import { answersOf, casesOf, loadConformance } from '../test/fixtures/conformance.js';
import { BFCL_DATA, ROOT } from '../test/fixtures/paths.js';

const records = loadConformance();
const format = getFormat('bfcl-prompt');
const inputs = records.map((r) => ({
  category: r.category,
  kind: categoryInfo(r.category).kind as 'ast' | 'relevance',
  language: r.language,
  testCase: casesOf(r.category).get(r.id)!,
  answer: answersOf(r.category).get(r.id),
  result: r.rawOutput,
  format,
}));

function pass(): number {
  const t0 = process.hrtime.bigint();
  let valid = 0;
  for (const i of inputs) if (scoreEntry(i).valid) valid++;
  if (valid === 0) throw new Error('nothing valid');
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const first = pass();
const warm = [pass(), pass(), pass()].sort((a, b) => a - b)[1]!;
console.log(`records: ${records.length}`);
console.log(`decode + check, first pass (cold JIT): ${first.toFixed(0)} ms  (${Math.round(records.length / (first / 1000))} entries/s)`);
console.log(`decode + check, warm (median of 3):    ${warm.toFixed(0)} ms  (${Math.round(records.length / (warm / 1000))} entries/s)`);

// End to end: write result files, then time the CLI.
const dir = mkdtempSync(join(tmpdir(), 'fcbench-bench-score-'));
try {
  const files = new Map<string, string[]>();
  for (const r of records) {
    const k = r.caseId.split('#')[1]!;
    const path = resultFilePath(join(dir, 'results'), `cand-${k}`, r.category);
    const line = dumpsPyJson(new PyDict([['id', r.id], ['result', r.rawOutput]]));
    files.set(path, [...(files.get(path) ?? []), line]);
  }
  for (const [path, lines] of files) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, lines.join('\n') + '\n');
  }
  const args = ['bin/fcbench.js', 'evaluate', '--results', join(dir, 'results'), '--scores', join(dir, 'scores'), '--data', BFCL_DATA, '--format', 'bfcl-prompt', '--partial'];
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    const r = spawnSync('node', args, { cwd: ROOT, encoding: 'utf8' });
    times.push((Date.now() - t0) / 1000);
    if (r.status !== 0) throw new Error(`fcbench evaluate exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  }
  times.sort((a, b) => a - b);
  console.log(`fcbench evaluate over ${files.size} result files (${records.length} entries): wall ${times[1]!.toFixed(2)} s (median of 3; min ${times[0]!.toFixed(2)} s)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
