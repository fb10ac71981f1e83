/**
 * `generate --shard K/N` + `fcbench merge`: four shards generated against a real HTTP test server
 * (answers derived from the request body, so every run gets the same answer for an entry) merge
 * into result files byte-identical to one unsharded run's, apart from latency; shards that do not
 * belong together are refused, naming the disagreement and the folders.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { main } from '../../src/cli/main.js';
import { generate, type GenerateOptions } from '../../src/run/generate.js';
import { mergeShards } from '../../src/run/merge.js';
import { applyShard, parseShard, shardIds } from '../../src/run/shard.js';
import { startOpenAIServer, type TestServer } from '../fixtures/openai-server.js';
import { BFCL_DATA } from '../fixtures/paths.js';

const CATEGORIES = ['simple_python', 'live_simple', 'irrelevance'];
const LIMIT = 25;
const MODEL = 'xLAM-1b-fc-r';

let server: TestServer;
const tmp = mkdtempSync(join(tmpdir(), 'fcbench-shard-'));
const root = (name: string): string => join(tmp, name);

beforeAll(async () => {
  server = await startOpenAIServer({
    lifetimeMs: 60_000,
    // The answer depends only on what was asked: a call named after a hash of the body's messages.
    script: (r) => {
      const h = createHash('sha256').update(JSON.stringify(r.json?.['messages'] ?? '')).digest('hex').slice(0, 8);
      return { kind: 'answer', text: `{"tool_calls": [{"name": "f_${h}", "arguments": {"n": ${parseInt(h, 16) % 1000}}}]}`, usage: { prompt: parseInt(h.slice(0, 3), 16), completion: 7 } };
    },
  });
});
afterAll(async () => {
  await server?.close();
});

function opts(results: string, extra: Partial<GenerateOptions> = {}): GenerateOptions {
  return {
    model: MODEL,
    overrides: { baseUrl: server.url, concurrency: 8, maxAttempts: 1, timeout: 30 },
    categories: CATEGORIES,
    limit: LIMIT,
    dataDir: BFCL_DATA,
    resultsDir: results,
    progress: 'off',
    log: () => {},
    env: {},
    ...extra,
  };
}

/** Result files under a results root, relative path → text with latencies zeroed. */
function resultTexts(results: string, files: string[]): Map<string, string> {
  return new Map(files.map((f) => [relative(results, f), readFileSync(f, 'utf8').replace(/"latency": [-0-9.e+]+/g, '"latency": 0')]));
}

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const e = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const l = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    return { code: await main(args), err: err.join('\n') };
  } finally {
    e.mockRestore();
    l.mockRestore();
  }
}

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).exitCode).toBe(2);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('shard assignment', () => {
  it('deals every entry to exactly one shard, round-robin in BFCL order', () => {
    const ids = ['simple_python_10', 'irrelevance_2', 'simple_python_2', 'live_simple_0', 'irrelevance_10', 'simple_python_1', 'live_simple_1'];
    const parts = [1, 2, 3].map((k) => shardIds(ids, { index: k, count: 3 }));
    expect(parts).toEqual([
      ['irrelevance_2', 'live_simple_1', 'simple_python_10'],
      ['irrelevance_10', 'simple_python_1'],
      ['live_simple_0', 'simple_python_2'],
    ]);
    expect(parts.flat().sort()).toEqual([...ids].sort());
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });

  it('keeps every category, possibly empty, when the selection is smaller than N', () => {
    const cases = new Map([['simple_python', [{ id: 'simple_python_0' }, { id: 'simple_python_1' }]]]) as unknown as Parameters<typeof applyShard>[0];
    const { selected, record } = applyShard(cases, { index: 3, count: 3 });
    expect(selected.get('simple_python')).toEqual([]);
    expect(record).toMatchObject({ index: 3, count: 3, ids: [], selection: { count: 2 } });
  });
});

describe('generate --shard and merge', () => {
  const shardRoots = [1, 2, 3, 4].map((k) => root(`shard${k}`));
  let whole: Awaited<ReturnType<typeof generate>>;

  beforeAll(async () => {
    whole = await generate(opts(root('whole')));
    for (const [i, r] of shardRoots.slice(0, 3).entries()) await generate(opts(r, { shard: { index: i + 1, count: 4 } }));
    // The fourth through the command line, as a machine of its own would run it.
    const c = await cli(['generate', '--model', MODEL, '--base-url', server.url, '--categories', CATEGORIES.join(','), '--limit', String(LIMIT), '--data', BFCL_DATA, '--results', shardRoots[3]!, '--shard', '4/4', '--progress', 'off', '--concurrency', '8']);
    expect(c.code).toBe(0);
  });

  it('four merged shards equal one unsharded run, byte for byte apart from latency', async () => {
    expect(whole.exitCode).toBe(0);
    expect(whole.counts.selected).toBe(75);
    const sizes = shardRoots.map((r) => (JSON.parse(readFileSync(join(r, MODEL, 'run-manifest.json'), 'utf8')) as { runs: Array<{ shard: { ids: string[] } }> }).runs[0]!.shard.ids.length);
    expect(sizes).toEqual([19, 19, 19, 18]);

    const c = await cli(['merge', '--out', root('merged'), ...shardRoots]);
    expect(c).toEqual({ code: 0, err: '' });
    const mergedFiles = whole.files.map((f) => join(root('merged'), relative(root('whole'), f)));
    const a = resultTexts(root('whole'), whole.files);
    const b = resultTexts(root('merged'), mergedFiles);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [k, text] of a) expect(b.get(k), k).toBe(text);
    expect([...a.values()].join('').split('\n').filter((l) => l !== '')).toHaveLength(75);

    const m = JSON.parse(readFileSync(join(root('merged'), MODEL, 'run-manifest.json'), 'utf8')) as { runs: Array<Record<string, any>> };
    const last = m.runs[m.runs.length - 1]!;
    expect(last).toMatchObject({ command: 'merge', counts: { selected: 75, lines: 75, inferenceErrors: 0, missing: 0 } });
    expect(last['shards'].map((s: { shard: string }) => s.shard)).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(m.runs.filter((r) => r['command'] === 'generate')).toHaveLength(4);
    // The merged folder can be resumed unsharded: nothing left to send.
    const before = server.count();
    const resumed = await generate(opts(root('merged')));
    expect(resumed.exitCode).toBe(0);
    expect(server.count()).toBe(before);
  });

  it('refuses a shard generated from another dataset version', async () => {
    const data = root('data-v2');
    for (const rel of ['BFCL_v4_simple_python.json', 'BFCL_v4_live_simple.json', 'BFCL_v4_irrelevance.json', 'possible_answer/BFCL_v4_simple_python.json', 'possible_answer/BFCL_v4_live_simple.json']) {
      mkdirSync(join(data, rel, '..'), { recursive: true });
      copyFileSync(join(BFCL_DATA, rel), join(data, rel));
    }
    // One entry changed (beyond --limit, so the selection is the same): another sha256.
    const file = join(data, 'BFCL_v4_simple_python.json');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[399] = lines[399]!.replace('"content": "', '"content": "Please: ');
    writeFileSync(file, lines.join('\n'));
    await generate(opts(root('shard4-v2'), { dataDir: data, shard: { index: 4, count: 4 } }));

    const msg = refusal(() => mergeShards({ out: root('merged-v2'), shards: [...shardRoots.slice(0, 3), root('shard4-v2')] }));
    expect(msg).toMatch(/dataset file BFCL_v4_simple_python\.json differs between .*shard1.* and .*shard4-v2/);
    expect(existsSync(root('merged-v2'))).toBe(false);
    const c = await cli(['merge', '--out', root('merged-v2'), ...shardRoots.slice(0, 3), root('shard4-v2')]);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/cannot merge:[\s\S]*BFCL_v4_simple_python\.json differs/);
  });

  it('refuses overlapping shards: the same shard twice, or an id with lines in two shards', async () => {
    await generate(opts(root('shard2-again'), { shard: { index: 2, count: 4 } }));
    const twice = refusal(() => mergeShards({ out: root('merged-x'), shards: [...shardRoots, root('shard2-again')] }));
    expect(twice).toMatch(/shard2\/xLAM-1b-fc-r and .*shard2-again\/xLAM-1b-fc-r are both shard 2\/4/);

    // A folder that also holds another shard's line (copied in by hand): overlap, and outside its shard.
    const mixed = root('shard3-mixed');
    await generate(opts(mixed, { shard: { index: 3, count: 4 } }));
    const from = join(shardRoots[0]!, MODEL, 'non_live', 'BFCL_v4_simple_python_result.json');
    const stolen = readFileSync(from, 'utf8').split('\n')[0]!;
    appendFileSync(join(mixed, MODEL, 'non_live', 'BFCL_v4_simple_python_result.json'), stolen + '\n');
    const id = (JSON.parse(stolen) as { id: string }).id;
    const msg = refusal(() => mergeShards({ out: root('merged-x'), shards: [shardRoots[0]!, shardRoots[1]!, mixed, shardRoots[3]!] }));
    expect(msg).toContain(`1 id(s) have lines in two shards, ${join(shardRoots[0]!, MODEL)} and ${join(mixed, MODEL)} (${id})`);
    expect(existsSync(root('merged-x'))).toBe(false);
  });

  it('refuses a missing shard unless --allow-missing (then exit 3)', async () => {
    const msg = refusal(() => mergeShards({ out: root('merged-3'), shards: shardRoots.slice(0, 3) }));
    expect(msg).toMatch(/shard\(s\) 4\/4 not given \(18 entries of the selection\)/);
    const s = mergeShards({ out: root('merged-3'), shards: shardRoots.slice(0, 3), allowMissing: true, log: () => {} });
    expect(s.exitCode).toBe(3);
    expect(s.models[0]).toMatchObject({ lines: 57, missing: 18, selected: 75 });
  });

  it('refuses other sampling, and writing a second shard into a shard folder', async () => {
    const hot = root('shard4-hot');
    await generate(opts(hot, { shard: { index: 4, count: 4 }, overrides: { baseUrl: server.url, concurrency: 8, maxAttempts: 1, temperature: 0.7 } }));
    const msg = refusal(() => mergeShards({ out: root('merged-hot'), shards: [...shardRoots.slice(0, 3), hot] }));
    expect(msg).toMatch(/model config differs between .*shard1\/xLAM-1b-fc-r and .*shard4-hot\/xLAM-1b-fc-r: temperature 0.001 vs 0.7/);

    await expect(generate(opts(shardRoots[0]!, { shard: { index: 2, count: 4 } }))).rejects.toThrow(/written by shard 1\/4 of a 75-entry selection, and this run is shard 2\/4/);
    await expect(generate(opts(shardRoots[0]!))).rejects.toThrow(/this run is an unsharded run/);
  });
});
