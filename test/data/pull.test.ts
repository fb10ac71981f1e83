import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { expandCategories } from '../../src/data/categories.js';
import { loadCategory } from '../../src/data/dataset.js';
import { filesForCategories, loadManifest, sha256File } from '../../src/data/manifest.js';
import { pullData, type PullEvent } from '../../src/data/pull.js';
import { verifyData } from '../../src/data/verify.js';
import { categoryCounts, formatCategoryTable } from '../../src/data/list.js';
import { BFCL_DATA } from '../fixtures/paths.js';

const manifest = loadManifest();
const CORRUPTED = 'possible_answer/BFCL_v4_parallel.json';

/** A static server for BFCL_DATA on 127.0.0.1; `corrupt` flips one byte of that file. Closes itself after 60 s at most. */
async function serve(corrupt?: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/data\//, '');
    const file = resolve(BFCL_DATA, rel);
    if (!file.startsWith(BFCL_DATA + sep) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(file);
    if (rel === corrupt) body[100] = body[100]! ^ 0x01;
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  setTimeout(() => server.close(), 60_000).unref();
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/data` };
}

const servers: Server[] = [];
const temps: string[] = [];
let good = '';
let bad = '';
beforeAll(async () => {
  const a = await serve();
  const b = await serve(CORRUPTED);
  servers.push(a.server, b.server);
  good = a.url;
  bad = b.url;
});
afterAll(() => {
  servers.forEach((s) => {
    s.closeAllConnections();
    s.close();
  });
  temps.forEach((d) => rmSync(d, { recursive: true, force: true }));
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'fcbench-pull-'));
  temps.push(d);
  return d;
}

function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? allFiles(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

describe('manifest', () => {
  it('lists every official data file with its pinned upstream URL, sha256 and entry count', async () => {
    const shared = allFiles(BFCL_DATA).filter((p) => !['README.md', 'LICENSE'].includes(p)).sort();
    expect(manifest.files.map((f) => f.path)).toEqual(shared);
    expect(manifest.files).toHaveLength(70);
    for (const f of manifest.files) {
      expect(f.url).toBe(`https://raw.githubusercontent.com/ShishirPatil/gorilla/6ea57973c7a6097fd7c5915698c54c17c5b1b6c8/berkeley-function-call-leaderboard/bfcl_eval/data/${f.path}`);
      expect(await sha256File(join(BFCL_DATA, f.path))).toBe(f.sha256);
    }
    const byPath = new Map(manifest.files.map((f) => [f.path, f]));
    expect(byPath.get('BFCL_v4_live_multiple.json')!.entries).toBe(1053);
    expect(byPath.get('BFCL_v4_format_sensitivity.json')).toMatchObject({ format: 'json', entries: 200 });
    expect(byPath.get('memory_prereq_conversation/memory_finance.json')!.entries).toBe(7);
  });

  it('selects the files a category needs', () => {
    expect(filesForCategories(manifest, ['simple_python']).map((f) => f.path)).toEqual(['BFCL_v4_simple_python.json', 'possible_answer/BFCL_v4_simple_python.json']);
    const mt = filesForCategories(manifest, ['multi_turn_base']).map((f) => f.path);
    expect(mt).toContain('multi_turn_func_doc/vehicle_control.json');
    expect(mt).not.toContain('multi_turn_func_doc/memory_kv.json');
    const mem = filesForCategories(manifest, ['memory_kv']).map((f) => f.path);
    expect(mem).toContain('multi_turn_func_doc/memory_kv.json');
    expect(mem).toContain('memory_prereq_conversation/memory_student.json');
    expect(filesForCategories(manifest, ['format_sensitivity'])).toHaveLength(1 + 8 * 2);
    expect(() => filesForCategories(manifest, ['nope'])).toThrow(UserError);
  });
});

describe('pull', () => {
  it('downloads every file from a local HTTP server, verifies it, and the result loads', async () => {
    const dest = tempDir();
    const events: PullEvent[] = [];
    const r = await pullData({ dest, files: manifest.files, from: good, onProgress: (e) => events.push(e) });
    expect(r.failed).toEqual([]);
    expect(r.installed).toHaveLength(70);
    expect(events).toHaveLength(70);
    expect(events.map((e) => e.done).sort((a, b) => a - b)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(allFiles(dest).filter((p) => p.includes('.part-'))).toEqual([]);
    const v = await verifyData(dest, manifest.files);
    expect(v.ok).toHaveLength(70);
    for (const c of expandCategories(['single_turn'])) expect(loadCategory(dest, c).problems).toEqual([]);

    // A second pull finds everything in place.
    const again = await pullData({ dest, files: manifest.files, from: good });
    expect(again.skipped).toHaveLength(70);
    expect(again.installed).toHaveLength(0);
  });

  it('refuses a corrupted file, names it, and installs the rest', async () => {
    const dest = tempDir();
    const r = await pullData({ dest, files: manifest.files, from: bad });
    expect(r.failed.map((f) => f.file.path)).toEqual([CORRUPTED]);
    expect(r.failed[0]!.reason).toMatch(/sha256 mismatch/);
    expect(r.failed[0]!.source).toBe(`${bad}/${CORRUPTED}`);
    expect(r.installed).toHaveLength(69);
    expect(existsSync(join(dest, CORRUPTED))).toBe(false);
    expect(allFiles(dest).filter((p) => p.includes('.part-'))).toEqual([]);
    // A later pull from a good source completes only the missing file.
    const fix = await pullData({ dest, files: manifest.files, from: good });
    expect(fix.installed.map((f) => f.path)).toEqual([CORRUPTED]);
    expect(fix.skipped).toHaveLength(69);
  });

  it('replaces a modified file, copies from a local folder, and reports HTTP errors per file', async () => {
    const dest = tempDir();
    const files = filesForCategories(manifest, ['live_simple']);
    await pullData({ dest, files, from: BFCL_DATA });
    const target = join(dest, 'BFCL_v4_live_simple.json');
    writeFileSync(target, readFileSync(target, 'utf8').replace('live_simple_0-0-0', 'live_simple_0-0-9'));
    const r = await pullData({ dest, files, from: BFCL_DATA });
    expect(r.installed.map((f) => f.path)).toEqual(['BFCL_v4_live_simple.json']);
    expect(await sha256File(target)).toBe(files[0]!.sha256);

    const missing = await pullData({ dest: tempDir(), files, from: `${good}/no-such-folder` });
    expect(missing.failed.map((f) => f.reason)).toEqual(['HTTP 404 Not Found', 'HTTP 404 Not Found']);
    await expect(pullData({ dest, files, from: join(dest, 'nowhere') })).rejects.toThrow(/--from .*nowhere: no such folder/);
  });
});

describe('verify', () => {
  it('detects a modified file and a missing one', async () => {
    const dest = tempDir();
    const files = filesForCategories(manifest, ['non_python']);
    expect((await pullData({ dest, files, from: good })).installed).toHaveLength(4);
    const java = join(dest, 'BFCL_v4_simple_java.json');
    writeFileSync(java, readFileSync(java, 'utf8') + '\n');
    rmSync(join(dest, 'possible_answer', 'BFCL_v4_simple_javascript.json'));
    const v = await verifyData(dest, files);
    expect(v.modified.map((c) => c.file.path)).toEqual(['BFCL_v4_simple_java.json']);
    expect(v.modified[0]!.actualSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(v.missing.map((c) => c.file.path)).toEqual(['possible_answer/BFCL_v4_simple_javascript.json']);
    expect(v.ok.map((c) => c.file.path)).toEqual(['BFCL_v4_simple_javascript.json', 'possible_answer/BFCL_v4_simple_java.json']);
  });
});

describe('list counts', () => {
  it('come from the manifest when there is no data folder, and from the files when there is', () => {
    const fromManifest = categoryCounts(undefined, manifest);
    const fromData = categoryCounts(BFCL_DATA, manifest);
    expect(fromManifest.every((r) => r.from === 'manifest')).toBe(true);
    expect(fromData.every((r) => r.from === 'data')).toBe(true);
    expect(fromData.map((r) => r.entries)).toEqual(fromManifest.map((r) => r.entries));
    const n = (name: string): number | undefined => fromData.find((r) => r.info.name === name)!.entries;
    expect([n('live_multiple'), n('memory_rec_sum'), n('format_sensitivity'), n('exec_parallel_multiple')]).toEqual([1053, 155, 200, 40]);
    for (const r of fromData) if (r.info.group !== 'format_sensitivity') expect(r.entries).toBe(r.info.count);
    expect(formatCategoryTable(fromData)).toMatch(/^format_sensitivity\s+format_sensitivity\s+ast\s+python\s+200 ids \(x26 configs = 5200\) \[not scored\]$/m);
  });
});
