/**
 * The real CLI (compiled, `node bin/fcbench.js generate`) killed with SIGKILL mid-run, stopped with
 * SIGTERM, and started again: every id ends up exactly once and no line is ever torn.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type TestServer } from '../fixtures/openai-server.js';
import { BFCL_DATA, ROOT } from '../fixtures/paths.js';

const BIN = join(ROOT, 'bin', 'fcbench.js');
let server: TestServer;

beforeAll(async () => {
  // Compile src/ to dist/ (type errors in files other engineers are still writing do not stop emit).
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
  expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true);
  server = await startOpenAIServer({
    latencyMs: 25,
    lifetimeMs: 110_000,
    script: () => ({ kind: 'answer', text: '{"tool_calls": [{"name": "f", "arguments": {"x": 1.5}}]}' }),
  });
}, 120_000);
afterAll(async () => server?.close());

function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
}

/** Runs to the end without blocking this process (the test server lives here). */
async function runAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
  const c = cli(args);
  let stderr = '';
  c.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await exited(c);
  return { status, stderr };
}

/** Runs to the end, blocking: only for runs that need no server in this process. */
function run(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' }, timeout: 60_000 });
  return { status: r.status, stderr: r.stderr };
}

function lines(file: string): string[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return text.split('\n').filter((l) => l !== '');
}

/** Every line a whole JSON object; the file ends with a newline; returns the ids. */
function checkWhole(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (text !== '') expect(text.endsWith('\n')).toBe(true);
  return lines(file).map((l) => (JSON.parse(l) as { id: string }).id);
}

async function untilLines(file: string, n: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 6000 && lines(file).length < n; i++) {
    if (child.exitCode !== null) throw new Error(`fcbench exited early with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const exited = (c: ChildProcess): Promise<number | null> => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(c.exitCode) : c.on('exit', (code) => r(code))));

describe('fcbench generate as a process', () => {
  it('SIGKILL mid-run, SIGTERM mid-run, then a full run: every id exactly once, no torn line', async () => {
    const results = mkdtempSync(join(tmpdir(), 'fcbench-kill-'));
    const args = ['generate', '--model', 'kill-test', '--base-url', server.url, '--format', 'xlam', '--categories', 'simple_python', '--data', BFCL_DATA, '--results', results, '--concurrency', '16', '--progress', 'lines'];
    const file = join(results, 'kill-test', 'non_live', 'BFCL_v4_simple_python_result.json');

    const a = cli(args);
    await untilLines(file, 60, a);
    a.kill('SIGKILL');
    await exited(a);
    const afterKill = checkWhole(file);
    expect(new Set(afterKill).size).toBe(afterKill.length);
    expect(afterKill.length).toBeGreaterThanOrEqual(60);
    expect(afterKill.length).toBeLessThan(400);

    const b = cli(args);
    let stderr = '';
    b.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await untilLines(file, afterKill.length + 60, b);
    b.kill('SIGTERM');
    expect(await exited(b)).toBe(3);
    expect(stderr).toMatch(/SIGTERM: no new requests/);
    expect(stderr).toMatch(/run the same command again to resume/);
    const afterTerm = checkWhole(file);
    expect(new Set(afterTerm).size).toBe(afterTerm.length);
    expect(afterTerm.length).toBeLessThan(400);

    const c = await runAsync(args);
    expect(c.stderr).toMatch(/already have a line/);
    expect(c.status).toBe(0);
    const ids = checkWhole(file);
    expect(ids).toEqual(Array.from({ length: 400 }, (_, i) => `simple_python_${i}`));
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(JSON.parse(lines(file)[0]!)).toMatchObject({ id: 'simple_python_0', result: '{"tool_calls": [{"name": "f", "arguments": {"x": 1.5}}]}', input_token_count: 10, output_token_count: 5 });
  }, 90_000);

  it('bad input exits 2 with a message: invalid config (key and file), unknown model (lists the known ones)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcbench-cfg-'));
    const cfg = join(dir, 'broken.json');
    writeFileSync(cfg, JSON.stringify({ name: 'broken', backend: 'openai-chat', format: 'xlam', base_url: 'localhost:8001', timeout: -1 }));
    const bad = run(['generate', '--model', cfg, '--categories', 'simple_python', '--data', BFCL_DATA]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(cfg);
    expect(bad.stderr).toMatch(/base_url: must match pattern/);
    expect(bad.stderr).toMatch(/timeout: must be > 0/);

    const unknown = run(['generate', '--model', 'no-such-model', '--categories', 'simple_python', '--data', BFCL_DATA]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown model "no-such-model"/);
    expect(unknown.stderr).toContain('xLAM-7b-fc-r');
    expect(unknown.stderr).toContain('gpt-4o-2024-11-20-FC');
  }, 60_000);

  it('an unreachable endpoint via the CLI: exit 3, every entry recorded as an inference error', async () => {
    const s = await startOpenAIServer();
    const url = s.url;
    await s.close();
    const results = mkdtempSync(join(tmpdir(), 'fcbench-unreach-'));
    const r = run(['generate', '--model', 'gone', '--base-url', url, '--format', 'xlam', '--categories', 'simple_javascript', '--limit', '5', '--max-attempts', '1', '--data', BFCL_DATA, '--results', results, '--progress', 'off']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/5 entries hold an inference error.*--rerun-errors/);
    const ls = lines(join(results, 'gone', 'non_live', 'BFCL_v4_simple_javascript_result.json')).map((l) => JSON.parse(l) as { result: string; inference_error: boolean });
    expect(ls).toHaveLength(5);
    expect(ls.every((l) => l.inference_error && l.result.startsWith('Error during inference: connection error'))).toBe(true);
  }, 60_000);
});
