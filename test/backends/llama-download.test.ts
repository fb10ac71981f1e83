/**
 * Model download for the llama-cpp backend, against a real HTTP server on 127.0.0.1 that speaks
 * like Hugging Face's file endpoint (`/<owner>/<repo>/resolve/<rev>/<file>`, a redirect to the
 * file, Range requests answered with 206): progress, the cache, resume after an interrupted
 * transfer, checksum refusal, gated repositories, and the offline message.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlamaCppBackend, LlamaCppLoadError } from '../../src/backends/llama-cpp.js';
import { fetchModel, ModelFetchError, parseModelRef, type DownloadProgress } from '../../src/backends/model-download.js';
import { tinyGguf } from '../fixtures/tiny-gguf.js';

const payload = randomBytes(300_000);
const payload2 = randomBytes(300_000);
const payloadSha = createHash('sha256').update(payload).digest('hex');
const gguf = tinyGguf();

interface Served {
  path: string;
  range?: string;
  ifRange?: string;
  status: number;
  bytes: number;
  auth?: string;
}

/** What the server does next: cut the transfer after N bytes, ignore Range, demand a token. */
const behaviour = { cutAfter: undefined as number | undefined, ignoreRange: false, requireToken: false, etag: '"v1"' };
const log: Served[] = [];
let server: Server;
let base: string;
const tmp = mkdtempSync(join(tmpdir(), 'fcbench-dl-'));

function sendBody(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const entry: Served = { path: req.url!, status: 200, bytes: 0, ...(req.headers.range ? { range: req.headers.range } : {}), ...(req.headers['if-range'] ? { ifRange: String(req.headers['if-range']) } : {}), ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) };
  log.push(entry);
  if (behaviour.requireToken && req.headers.authorization !== 'Bearer secret') {
    entry.status = 401;
    res.writeHead(401, { 'content-type': 'text/plain' }).end('Access to this repository is restricted');
    return;
  }
  let start = 0;
  const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const ifRange = req.headers['if-range'];
  if (m && !behaviour.ignoreRange && (ifRange === undefined || ifRange === behaviour.etag)) {
    start = Number(m[1]);
    if (start >= body.length) {
      entry.status = 416;
      res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      return;
    }
    entry.status = 206;
    res.writeHead(206, { etag: behaviour.etag, 'content-length': body.length - start, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}`, 'accept-ranges': 'bytes' });
  } else {
    res.writeHead(200, { etag: behaviour.etag, 'content-length': body.length, 'accept-ranges': 'bytes' });
  }
  const part = body.subarray(start);
  const cut = behaviour.cutAfter;
  if (cut !== undefined) {
    behaviour.cutAfter = undefined;
    entry.bytes = cut;
    res.write(part.subarray(0, cut), () => setTimeout(() => res.destroy(), 20));
    return;
  }
  entry.bytes = part.length;
  // In chunks, so a progress display sees several steps.
  let off = 0;
  const next = (): void => {
    if (off >= part.length) return void res.end();
    const chunk = part.subarray(off, off + 32_768);
    off += chunk.length;
    res.write(chunk, next);
  };
  next();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    // Hugging Face answers /resolve/ with a redirect to its file store.
    if (url.startsWith('/acme/') && url.includes('/resolve/')) return void res.writeHead(302, { location: `/files${url}` }).end();
    if (url === '/files/acme/models/resolve/main/blob.gguf') return sendBody(req, res, behaviour.etag === '"v2"' ? payload2 : payload);
    if (url === '/files/acme/models/resolve/main/tiny.gguf') return sendBody(req, res, gguf);
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  server.unref();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Self-stopping even if afterAll never runs.
  setTimeout(() => server.close(), 120_000).unref();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  log.length = 0;
  Object.assign(behaviour, { cutAfter: undefined, ignoreRange: false, requireToken: false, etag: '"v1"' });
});

let n = 0;
const freshCache = (): string => join(tmp, `cache-${++n}`);
const env = (): NodeJS.ProcessEnv => ({ HF_ENDPOINT: base });

describe('model references', () => {
  it('parses local paths, hf: references (with an optional revision) and URLs', () => {
    expect(parseModelRef('hf:Salesforce/xLAM-1b-fc-r-gguf/xLAM-1b-fc-r.Q4_K_M.gguf')).toEqual({ kind: 'hf', owner: 'Salesforce', repo: 'xLAM-1b-fc-r-gguf', revision: 'main', file: 'xLAM-1b-fc-r.Q4_K_M.gguf' });
    expect(parseModelRef('hf:o/r@v1.0/sub/dir/m.gguf')).toEqual({ kind: 'hf', owner: 'o', repo: 'r', revision: 'v1.0', file: 'sub/dir/m.gguf' });
    expect(parseModelRef('https://example.org/m.gguf')).toEqual({ kind: 'url', url: 'https://example.org/m.gguf' });
    expect(parseModelRef('models/m.gguf').kind).toBe('file');
    expect(() => parseModelRef('hf:just-a-repo')).toThrow(/hf:<owner>\/<repo>\/<file>/);
    expect(() => parseModelRef('hf:o/r/../../etc/passwd')).toThrow(/must not contain/);
  });
});

describe('download into the cache', () => {
  it('downloads once with progress, follows the redirect, then serves the cached file', async () => {
    const cacheDir = freshCache();
    const seen: DownloadProgress[] = [];
    const got = await fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), onProgress: (p) => seen.push({ ...p }) });
    expect(got.origin).toBe('download');
    expect(got.path).toBe(join(cacheDir, 'acme', 'models', 'blob.gguf'));
    expect(readFileSync(got.path).equals(payload)).toBe(true);
    expect(existsSync(`${got.path}.part`)).toBe(false);
    // Progress: from 0 to the total, never backwards, ending with done.
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[0]!.received).toBe(0);
    expect(seen.every((p) => p.total === payload.length)).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.received).toBeGreaterThanOrEqual(seen[i - 1]!.received);
    expect(seen.at(-1)).toMatchObject({ received: payload.length, done: true });
    expect(log.map((l) => l.status)).toEqual([200]);

    const again = await fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), onProgress: () => {} });
    expect(again).toMatchObject({ origin: 'cache', path: got.path });
    expect(log).toHaveLength(1); // no second request
  });

  it('the default progress display writes lines when the output is not a terminal', async () => {
    const lines: string[] = [];
    const stream = { write: (s: string) => lines.push(s), isTTY: false } as unknown as NodeJS.WritableStream;
    await fetchModel('hf:acme/models/blob.gguf', { cacheDir: freshCache(), env: env(), stream });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/^downloading blob\.gguf 0% 0 B\/293\.0 KB/);
    expect(lines.at(-1)).toMatch(/downloading blob\.gguf 100% 293\.0 KB\/293\.0 KB/);
  });

  it('an interrupted transfer keeps its part; the next attempt resumes it with a Range request', async () => {
    const cacheDir = freshCache();
    behaviour.cutAfter = 100_000;
    const first = await fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), onProgress: () => {} }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ModelFetchError);
    expect((first as Error).message).toMatch(/broke off|ended at/);
    expect((first as Error).message).toMatch(/run again to resume/);
    const part = join(cacheDir, 'acme', 'models', 'blob.gguf.part');
    const kept = statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(100_000);

    const seen: DownloadProgress[] = [];
    const got = await fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), sha256: payloadSha, onProgress: (p) => seen.push({ ...p }) });
    expect(got).toMatchObject({ origin: 'download', resumedFrom: kept, sha256: payloadSha });
    expect(readFileSync(got.path).equals(payload)).toBe(true);
    const second = log.at(-1)!;
    expect(second).toMatchObject({ range: `bytes=${kept}-`, ifRange: '"v1"', status: 206, bytes: payload.length - kept });
    expect(existsSync(`${part}.etag`)).toBe(false);
    expect(seen[0]).toMatchObject({ received: kept, resumedFrom: kept, total: payload.length });
  });

  it('a server that ignores Range sends the whole file again, and the result is still right', async () => {
    const cacheDir = freshCache();
    behaviour.cutAfter = 50_000;
    await fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), onProgress: () => {} }).catch(() => undefined);
    behaviour.ignoreRange = true;
    const got = await fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), sha256: payloadSha, onProgress: () => {} });
    expect(got.resumedFrom).toBe(0);
    expect(log.at(-1)).toMatchObject({ status: 200, bytes: payload.length });
    expect(readFileSync(got.path).equals(payload)).toBe(true);
  });

  it('a file that changed on the server since the part was fetched is downloaded whole again (If-Range)', async () => {
    const cacheDir = freshCache();
    behaviour.cutAfter = 80_000;
    await fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), onProgress: () => {} }).catch(() => undefined);
    behaviour.etag = '"v2"';
    const got = await fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), onProgress: () => {} });
    expect(log.at(-1)).toMatchObject({ ifRange: '"v1"', status: 200, bytes: payload2.length });
    expect(got.resumedFrom).toBe(0);
    expect(readFileSync(got.path).equals(payload2)).toBe(true);
  });

  it('one download of a file at a time: a live owner of the lock is named, a stale lock is taken over', async () => {
    const cacheDir = freshCache();
    const file = join(cacheDir, 'acme', 'models', 'blob.gguf');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.lock`, String(process.pid));
    await expect(fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), onProgress: () => {} })).rejects.toThrow(new RegExp(`being downloaded by another fcbench process \\(pid ${process.pid}\\)`));
    expect(log).toHaveLength(0);
    // A lock left by a process that is gone (pid far above pid_max).
    writeFileSync(`${file}.lock`, '2147483646');
    const got = await fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), onProgress: () => {} });
    expect(readFileSync(got.path).equals(payload)).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('a checksum mismatch is refused and the downloaded file deleted', async () => {
    const cacheDir = freshCache();
    const wrong = 'ab'.repeat(32);
    const e = await fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), sha256: wrong, onProgress: () => {} }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ModelFetchError);
    expect((e as Error).message).toContain(`expected ${wrong}, got ${payloadSha}`);
    expect((e as Error).message).toMatch(/deleted/);
    const file = join(cacheDir, 'acme', 'models', 'blob.gguf');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.part`)).toBe(false);
    // A sha256 that is not one is a config mistake, said before anything is fetched.
    await expect(fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), sha256: 'xyz' })).rejects.toThrow(/not 64 hexadecimal digits/);
    expect(log).toHaveLength(1);
  });

  it('a local file is checked against the sha256 too', async () => {
    const cacheDir = freshCache();
    const got = await fetchModel('hf:acme/models/blob.gguf', { cacheDir, env: env(), onProgress: () => {} });
    await expect(fetchModel(got.path, { sha256: payloadSha })).resolves.toMatchObject({ origin: 'file' });
    await expect(fetchModel(got.path, { sha256: '00'.repeat(32) })).rejects.toThrow(/sha256 mismatch/);
  });

  it('a gated repository: 401 says to accept the licence and set HF_TOKEN, which is then sent', async () => {
    behaviour.requireToken = true;
    const e = await fetchModel('hf:acme/models/blob.gguf', { cacheDir: freshCache(), env: env(), onProgress: () => {} }).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/HTTP 401.*gated.*HF_TOKEN/s);
    const got = await fetchModel('hf:acme/models/blob.gguf', { cacheDir: freshCache(), env: { ...env(), HF_TOKEN: 'secret' }, onProgress: () => {} });
    expect(got.origin).toBe('download');
    expect(log.at(-1)!.auth).toBe('Bearer secret');
  });

  it('a missing file is a 404 naming the URL', async () => {
    await expect(fetchModel('hf:acme/models/nope.gguf', { cacheDir: freshCache(), env: env(), onProgress: () => {} })).rejects.toThrow(/resolve\/main\/nope\.gguf: HTTP 404/);
  });
});

describe('offline, and the backend on a downloaded model', () => {
  it('an unreachable host: the backend says so and shows how to pass a local file or a served endpoint', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const b = new LlamaCppBackend({ modelPath: 'hf:acme/models/tiny.gguf', cacheDir: freshCache(), env: { HF_ENDPOINT: `http://127.0.0.1:${port}` }, gpuLayers: 0, log: () => {} });
    const e = await b.open().catch((x: unknown) => x);
    await b.close();
    expect(e).toBeInstanceOf(LlamaCppLoadError);
    expect((e as LlamaCppLoadError).offline).toBe(true);
    expect((e as Error).message).toMatch(/cannot download hf:acme\/models\/tiny\.gguf: the host is unreachable \(offline\?\)/);
    expect((e as Error).message).toMatch(/--model-path \/path\/to\/tiny\.gguf/);
    expect((e as Error).message).toMatch(/--base-url http:\/\/localhost:8001\/v1/);
  });

  it('hf: reference → download → load → generate with the real binding', async () => {
    const cacheDir = freshCache();
    const sha = createHash('sha256').update(gguf).digest('hex');
    const b = new LlamaCppBackend({ modelPath: 'hf:acme/models/tiny.gguf', sha256: sha, cacheDir, env: env(), threads: 1, gpuLayers: 0, contextSize: 256, onDownloadProgress: () => {}, log: () => {} });
    try {
      const r = await b.send({ kind: 'completion', prompt: 'x' }, { temperature: 0.001, topP: 1, maxTokens: 4 });
      expect(r.outputTokens).toBeGreaterThan(0);
      const d = (await b.describe()) as { model: { origin: string; sha256: string; path: string; url: string } };
      expect(d.model).toMatchObject({ origin: 'download', sha256: sha, path: join(cacheDir, 'acme', 'models', 'tiny.gguf'), url: `${base}/acme/models/resolve/main/tiny.gguf` });
    } finally {
      await b.close();
    }
  });
});
