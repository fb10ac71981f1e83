/**
 * Harness overhead of `generate`: 2,000 real entries (xlam format, real BFCL data) at concurrency
 * 100 against the OpenAI test server in a child process answering after 100 ms. The ideal wall time
 * is entries × latency / concurrency = 2 s; the ratio to it shows what the harness adds. Also prints
 * CPU time per request and peak memory of the harness process. Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadCategory } from '../src/data/dataset.js';
import { xlam } from '../src/formats/xlam.js';
import { generate } from '../src/run/generate.js';
import type { Progress } from '../src/run/progress.js';
import { BFCL_DATA } from '../test/fixtures/paths.js';

const ENTRIES = 2000;
const LATENCY_MS = 100;
const CONCURRENCY = 100;
const CATEGORIES = ['live_multiple', 'simple_python', 'multiple', 'parallel', 'parallel_multiple'];

const serverJs = fileURLToPath(new URL('../test/fixtures/openai-server-process.js', import.meta.url));
const server = spawn(process.execPath, [serverJs, '--latency', String(LATENCY_MS), '--lifetime', '300000'], { stdio: ['pipe', 'pipe', 'inherit'] });
const out = createInterface({ input: server.stdout! });
const url = await new Promise<string>((resolve, reject) => {
  out.once('line', (l) => (l.startsWith('LISTENING ') ? resolve(l.slice('LISTENING '.length)) : reject(new Error(`test server said: ${l}`))));
  server.once('exit', (c) => reject(new Error(`test server exited with ${c}`)));
});

const ids: string[] = [];
for (const cat of CATEGORIES) for (const c of loadCategory(BFCL_DATA, cat).cases) if (ids.length < ENTRIES) ids.push(c.id);

interface Figures {
  ratio: number;
  cpuMsPerRequest: number;
}

async function once(label: string): Promise<Figures> {
  const results = mkdtempSync(join(tmpdir(), 'fcbench-bench-'));
  let t0 = 0;
  let t1 = 0;
  let cpu0 = process.cpuUsage();
  let cpu = { user: 0, system: 0 };
  let done = 0;
  const progress: Progress = {
    start() {
      t0 = performance.now();
      cpu0 = process.cpuUsage();
    },
    tick() {
      done++;
    },
    note() {},
    stop() {
      t1 = performance.now();
      cpu = process.cpuUsage(cpu0);
    },
  };
  const r = await generate({
    model: 'bench-model',
    overrides: { baseUrl: url, format: 'xlam', concurrency: CONCURRENCY, timeout: 60 },
    format: xlam,
    categories: CATEGORIES,
    ids,
    dataDir: BFCL_DATA,
    resultsDir: results,
    progress,
    log: () => {},
  });
  const wall = (t1 - t0) / 1000;
  const ideal = (ENTRIES * LATENCY_MS) / CONCURRENCY / 1000;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${label}: ${done} entries (${r.counts.generated} lines, ${r.counts.inferenceErrors} errors) in ${wall.toFixed(3)} s; ideal ${ideal.toFixed(3)} s; ratio ${(wall / ideal).toFixed(3)}; ` +
      `CPU ${cpuMs.toFixed(0)} ms = ${(cpuMs / ENTRIES).toFixed(3)} ms/request (user ${(cpu.user / 1000 / ENTRIES).toFixed(3)}, system ${(cpu.system / 1000 / ENTRIES).toFixed(3)}); ` +
      `throughput ${(done / wall).toFixed(0)} entries/s`,
  );
  rmSync(results, { recursive: true, force: true });
  return { ratio: wall / ideal, cpuMsPerRequest: cpuMs / ENTRIES };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cold = await once('run 1 (cold)');
const warm: Figures[] = [];
for (let i = 2; i <= 4; i++) warm.push(await once(`run ${i} (warm)`));
console.log(
  `summary: cold ratio ${cold.ratio.toFixed(3)}, ${cold.cpuMsPerRequest.toFixed(3)} ms CPU/request; warm median ratio ${median(warm.map((w) => w.ratio)).toFixed(3)} ` +
    `(target ≤ 1.2), ${median(warm.map((w) => w.cpuMsPerRequest)).toFixed(3)} ms CPU/request; machine load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} CPUs (other processes inflate the wall-clock ratio, not the CPU figure)`,
);
const ru = process.resourceUsage();
console.log(`peak RSS of the harness process: ${(ru.maxRSS / 1024).toFixed(1)} MiB; heap used now ${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MiB`);
server.stdin!.end();
await new Promise((r) => server.once('exit', r));
