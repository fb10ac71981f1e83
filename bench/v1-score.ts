/**
 * bfcl-v1 scoring throughput: wall time of `node bin/fcbench.js evaluate --profile bfcl-v1` over both stored
 * 2024 runs (2 + 71 model folders, 124,100 scored entries), each in a fresh process, and entries/s.
 * Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/fixtures/paths.js';
import { V1_RUNS } from '../test/v1/official.js';

const tmp = mkdtempSync(join(tmpdir(), 'fcbench-bench-v1-'));
const [july, august] = V1_RUNS;

function once(): { ms: number; entries: number } {
  let ms = 0;
  let entries = 0;
  for (const run of V1_RUNS) {
    const scores = join(tmp, run.run);
    rmSync(scores, { recursive: true, force: true });
    const replay = run === july ? ['--replay-scores', july!.scoresDir, august!.scoresDir] : [];
    const t0 = process.hrtime.bigint();
    const r = spawnSync('node', [join(ROOT, 'bin/fcbench.js'), 'evaluate', '--profile', 'bfcl-v1', '--results', run.resultsDir, '--data', run.dataDir, '--scores', scores, ...replay], { encoding: 'utf8', maxBuffer: 64 << 20 });
    ms += Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`fcbench evaluate failed (${r.status}): ${r.stderr}`);
    const m = /: (\d+)\/(\d+) correct; (\d+) entries skipped/.exec(r.stdout);
    if (!m) throw new Error(`no summary line in:\n${r.stdout.slice(-500)}`);
    entries += Number(m[2]) + Number(m[3]);
  }
  return { ms, entries };
}

const runs = [once(), once(), once()];
const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
const median = sorted[1]!;
const entries = runs[0]!.entries;
console.log(`bfcl-v1 evaluate, both runs (73 model folders, ${entries} entries), fresh process per run:`);
console.log(`  wall: ${runs.map((r) => (r.ms / 1000).toFixed(2)).join(' s, ')} s; median ${(median / 1000).toFixed(2)} s = ${Math.round(entries / (median / 1000))} entries/s`);
console.log(`  load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
rmSync(tmp, { recursive: true, force: true });
