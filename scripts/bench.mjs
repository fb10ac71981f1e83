#!/usr/bin/env node
// Compiles bench/*.ts (with src/ and test/fixtures/) and runs each benchmark in turn.
// Benchmarks print figures; they assert nothing. `npm run bench -- NAME` runs the ones whose file name contains NAME.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv[2] ?? '';
const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.bench.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const files = readdirSync('bench').filter((f) => f.endsWith('.ts') && f.includes(filter)).sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== bench/${f}`);
  const r = spawnSync('node', ['--expose-gc', `.cache/bench-dist/bench/${f.replace(/\.ts$/, '.js')}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
