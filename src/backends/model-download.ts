/**
 * Model files for the embedded backend: a model reference is a local `.gguf` path, an
 * `hf:<owner>/<repo>/<file>` Hugging Face reference, or an `https://` URL. Remote files are
 * downloaded once into a cache folder (`$FCBENCH_MODELS`, else `$XDG_CACHE_HOME/fcbench/models`,
 * else `~/.cache/fcbench/models`) with a progress display; an interrupted download leaves a `.part`
 * file that the next attempt resumes with an HTTP Range request; when a sha256 is given the file is
 * verified (a mismatch deletes it and fails), and the verified digest is remembered beside it.
 *
 * `HF_ENDPOINT` (as in huggingface_hub) changes the Hugging Face host; `HF_TOKEN` is sent as a
 * bearer token (xLAM repositories are gated: accept the licence on the website, then set HF_TOKEN).
 */
import { acquirePidLock } from '../core/pid-lock.js';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync, ftruncateSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export type ModelRef =
  | { kind: 'file'; path: string }
  | { kind: 'hf'; owner: string; repo: string; file: string; revision: string }
  | { kind: 'url'; url: string };

/** Why a model file could not be had; `offline` = the host could not be reached at all. */
export class ModelFetchError extends Error {
  constructor(
    message: string,
    readonly offline = false,
  ) {
    super(message);
    this.name = 'ModelFetchError';
  }
}

/** Parses `--model-path`. `hf:owner/repo/path/to/file.gguf` (optionally `hf:owner/repo@revision/file`). */
export function parseModelRef(ref: string): ModelRef {
  if (ref.startsWith('hf:')) {
    const m = /^hf:([^/\s]+)\/([^/\s@]+)(?:@([^/\s]+))?\/(.+)$/.exec(ref);
    if (!m) throw new ModelFetchError(`model reference "${ref}" is not of the form hf:<owner>/<repo>/<file> (e.g. hf:Salesforce/xLAM-1b-fc-r-gguf/xLAM-1b-fc-r.Q4_K_M.gguf)`);
    const file = m[4]!;
    if (file.split('/').some((p) => p === '..' || p === '.' || p === '')) throw new ModelFetchError(`model reference "${ref}": the file path must not contain empty, "." or ".." parts`);
    return { kind: 'hf', owner: m[1]!, repo: m[2]!, revision: m[3] ?? 'main', file };
  }
  if (/^https?:\/\//.test(ref)) return { kind: 'url', url: ref };
  return { kind: 'file', path: resolve(ref) };
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['FCBENCH_MODELS']) return resolve(env['FCBENCH_MODELS']);
  const base = env['XDG_CACHE_HOME'] ? resolve(env['XDG_CACHE_HOME']) : join(homedir(), '.cache');
  return join(base, 'fcbench', 'models');
}

/** The URL to fetch and the cache file of a remote reference. */
export function remoteLocation(ref: Exclude<ModelRef, { kind: 'file' }>, cacheDir: string, env: NodeJS.ProcessEnv = process.env): { url: string; file: string } {
  if (ref.kind === 'hf') {
    const host = (env['HF_ENDPOINT'] ?? 'https://huggingface.co').replace(/\/+$/, '');
    const path = ref.file.split('/').map(encodeURIComponent).join('/');
    const url = `${host}/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}/resolve/${encodeURIComponent(ref.revision)}/${path}`;
    const rev = ref.revision === 'main' ? [] : [`@${ref.revision}`];
    return { url, file: join(cacheDir, ref.owner, ref.repo, ...rev, ...ref.file.split('/')) };
  }
  const u = new URL(ref.url);
  const name = basename(u.pathname) || 'model.gguf';
  return { url: ref.url, file: join(cacheDir, 'url', u.host.replace(/[^a-zA-Z0-9.-]/g, '_'), name) };
}

export interface DownloadProgress {
  file: string;
  /** Bytes on disk so far (resumed bytes included). */
  received: number;
  /** Total size when the server said it. */
  total?: number;
  /** Bytes that were already there when this attempt started. */
  resumedFrom: number;
  done: boolean;
}

export interface FetchModelOptions {
  sha256?: string;
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Called as bytes arrive (and once with done = true). Default: a bar (TTY) or a few lines on `stream`. */
  onProgress?: (p: DownloadProgress) => void;
  /** Where the default progress display and notes go (default stderr). */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Abort when no byte arrives for this long (default 60 s). */
  idleTimeoutMs?: number;
}

export interface FetchedModel {
  path: string;
  /** `file` = local, `cache` = already downloaded, `download` = fetched now. */
  origin: 'file' | 'cache' | 'download';
  sha256?: string;
  /** Where it came from (URL) for remote references. */
  url?: string;
  /** Bytes that a resumed download did not fetch again. */
  resumedFrom?: number;
}

const HEX64 = /^[0-9a-f]{64}$/;

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Checks `path` against `expected` (a `<path>.sha256` file remembers a verified digest with the file's size and time). */
async function verify(path: string, expected: string): Promise<void> {
  const st = statSync(path);
  const stamp = `${expected} ${st.size} ${st.mtimeMs}`;
  const memo = `${path}.sha256`;
  if (existsSync(memo) && readFileSync(memo, 'utf8').trim() === stamp) return;
  const actual = await sha256File(path);
  if (actual !== expected) {
    throw new ModelFetchError(`sha256 mismatch for ${path}: expected ${expected}, got ${actual}`);
  }
  writeFileSync(memo, stamp + '\n');
}

function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** The default progress display: a redrawn bar on a terminal, else a line per 10 %. */
export function progressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean }): (p: DownloadProgress) => void {
  const t0 = performance.now();
  let lastDecile = -1;
  let lastDraw = 0;
  return (p) => {
    const el = (performance.now() - t0) / 1000;
    const rate = el > 0 ? (p.received - p.resumedFrom) / el : 0;
    const pct = p.total ? Math.floor((100 * p.received) / p.total) : undefined;
    const eta = p.total && rate > 0 ? Math.round((p.total - p.received) / rate) : undefined;
    const name = basename(p.file);
    const text =
      `downloading ${name} ` +
      (pct !== undefined ? `${pct}% ${fmtBytes(p.received)}/${fmtBytes(p.total!)}` : fmtBytes(p.received)) +
      ` ${fmtBytes(Math.round(rate))}/s` +
      (eta !== undefined && !p.done ? ` ETA ${Math.floor(eta / 60)}:${String(eta % 60).padStart(2, '0')}` : '') +
      (p.resumedFrom > 0 ? ` (resumed at ${fmtBytes(p.resumedFrom)})` : '');
    if (stream.isTTY) {
      const now = performance.now();
      if (!p.done && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 24;
      const filled = pct !== undefined ? Math.round((width * pct) / 100) : 0;
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K${p.done ? '\n' : ''}`);
    } else {
      const decile = pct !== undefined ? Math.floor(pct / 10) : -1;
      if (p.done || decile > lastDecile) {
        lastDecile = decile;
        stream.write(text + '\n');
      }
    }
  };
}

function causeText(e: unknown): string {
  const c = (e as { cause?: { code?: string; message?: string } }).cause;
  return c ? `${c.code ?? ''}${c.code && c.message ? ': ' : ''}${c.message ?? ''}` : (e as Error).message;
}

const OFFLINE_CODES = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ECONNRESET|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT/;

/** Downloads `url` into `dest` (via `dest.part`, resuming it). Returns the bytes that were already there. */
async function download(url: string, dest: string, o: FetchModelOptions, report: (p: DownloadProgress) => void): Promise<number> {
  const env = o.env ?? process.env;
  const part = `${dest}.part`;
  mkdirSync(dirname(dest), { recursive: true });
  let have = existsSync(part) ? statSync(part).size : 0;
  const headers: Record<string, string> = { 'user-agent': 'fcbench' };
  if (env['HF_TOKEN']) headers['authorization'] = `Bearer ${env['HF_TOKEN']}`;
  const etagFile = `${part}.etag`;
  if (have > 0) {
    headers['range'] = `bytes=${have}-`;
    // If the file changed on the server since the part was fetched, If-Range makes it send the whole new file.
    if (existsSync(etagFile)) headers['if-range'] = readFileSync(etagFile, 'utf8').trim();
  }

  const idle = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, idle.signal]) : idle.signal;
  const idleMs = o.idleTimeoutMs ?? 60_000;
  let timer = setTimeout(() => idle.abort(new Error(`no data for ${idleMs / 1000} s`)), idleMs);
  const touch = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(new Error(`no data for ${idleMs / 1000} s`)), idleMs);
  };

  let res: Response;
  try {
    res = await fetch(url, { headers, signal, redirect: 'follow' });
  } catch (e) {
    clearTimeout(timer);
    if (o.signal?.aborted) throw e;
    const cause = causeText(e);
    throw new ModelFetchError(`cannot reach ${new URL(url).host} to download ${url}: ${cause}`, OFFLINE_CODES.test(cause) || cause === 'fetch failed');
  }
  try {
    if (res.status === 416 && have > 0) {
      // The part file is already as long as the file (or longer): start over to be sure.
      rmSync(part, { force: true });
      have = 0;
      await res.body?.cancel();
      clearTimeout(timer);
      return download(url, dest, o, report);
    }
    if (res.status === 401 || res.status === 403) {
      throw new ModelFetchError(
        `${url}: HTTP ${res.status}. The repository may be gated or private: accept its licence on the website and set HF_TOKEN to a Hugging Face access token.`,
      );
    }
    if (res.status === 404) throw new ModelFetchError(`${url}: HTTP 404 — no such file (check the repository and file name)`);
    if (!res.ok || !res.body) throw new ModelFetchError(`${url}: HTTP ${res.status} ${res.statusText}`);

    let resumedFrom = 0;
    let total: number | undefined;
    const fd = openSync(part, 'a');
    try {
      if (res.status === 206 && have > 0) {
        const range = /bytes (\d+)-\d+\/(\d+|\*)/.exec(res.headers.get('content-range') ?? '');
        if (!range || Number(range[1]) !== have) throw new ModelFetchError(`${url}: the server resumed at the wrong offset (content-range "${res.headers.get('content-range')}", have ${have} bytes)`);
        resumedFrom = have;
        if (range[2] !== '*') total = Number(range[2]);
      } else {
        // 200: the whole file (the server ignored the range, or there was nothing to resume).
        ftruncateSync(fd, 0);
        have = 0;
        const etag = res.headers.get('etag');
        if (etag && !etag.startsWith('W/')) writeFileSync(etagFile, etag + '\n');
        else rmSync(etagFile, { force: true });
        const len = res.headers.get('content-length');
        if (len !== null) total = Number(len);
      }
      let received = have;
      report({ file: dest, received, ...(total !== undefined ? { total } : {}), resumedFrom, done: false });
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        touch();
        writeSync(fd, value);
        received += value.length;
        report({ file: dest, received, ...(total !== undefined ? { total } : {}), resumedFrom, done: false });
      }
      if (total !== undefined && received !== total) throw new ModelFetchError(`${url}: the transfer ended at ${received} of ${total} bytes; run again to resume`);
      report({ file: dest, received, ...(total !== undefined ? { total } : {}), resumedFrom, done: true });
    } finally {
      closeSync(fd);
    }
    renameSync(part, dest);
    rmSync(etagFile, { force: true });
    return resumedFrom;
  } catch (e) {
    if (e instanceof ModelFetchError) throw e;
    if (o.signal?.aborted) throw e;
    throw new ModelFetchError(`${url}: the transfer broke off (${idle.signal.aborted ? String((idle.signal.reason as Error).message) : causeText(e)}); the part already downloaded is kept, run again to resume`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One download of a file at a time (two fcbench processes would interleave their bytes in the
 * part file): `<file>.lock` holds the owner's pid; a lock whose process is gone is taken over.
 */
function downloadLock(file: string): () => void {
  const lock = `${file}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  return acquirePidLock(
    lock,
    (pid) => new ModelFetchError(`${file} is being downloaded by another fcbench process (pid ${pid}); wait for it to finish, or delete ${lock} if that process is not fcbench`),
    // A lock with our own pid is another download in this process: held too.
    () => true,
  );
}

/**
 * The local path of a model reference, downloading it into the cache first when needed.
 * Throws ModelFetchError (with `offline` set when the host could not be reached).
 */
export async function fetchModel(ref: string, o: FetchModelOptions = {}): Promise<FetchedModel> {
  const expected = o.sha256?.toLowerCase();
  if (expected !== undefined && !HEX64.test(expected)) throw new ModelFetchError(`sha256 "${o.sha256}" is not 64 hexadecimal digits`);
  const parsed = parseModelRef(ref);
  if (parsed.kind === 'file') {
    if (!existsSync(parsed.path)) throw new ModelFetchError(`model file ${parsed.path} does not exist`);
    if (expected) await verify(parsed.path, expected);
    return { path: parsed.path, origin: 'file', ...(expected ? { sha256: expected } : {}) };
  }
  const env = o.env ?? process.env;
  const { url, file } = remoteLocation(parsed, o.cacheDir ?? defaultCacheDir(env), env);
  if (existsSync(file)) {
    if (expected) await verify(file, expected);
    return { path: file, origin: 'cache', url, ...(expected ? { sha256: expected } : {}) };
  }
  const report = o.onProgress ?? progressPrinter(o.stream ?? process.stderr);
  const release = downloadLock(file);
  let resumedFrom: number;
  try {
    // Another process may have finished it while we waited for nothing: take its file.
    if (existsSync(file)) {
      if (expected) await verify(file, expected);
      return { path: file, origin: 'cache', url, ...(expected ? { sha256: expected } : {}) };
    }
    resumedFrom = await download(url, file, o, report);
  } finally {
    release();
  }
  if (expected) {
    try {
      await verify(file, expected);
    } catch (e) {
      rmSync(file, { force: true });
      throw new ModelFetchError(`${(e as Error).message}. The downloaded file was deleted; check the sha256 in the model config or the file name.`);
    }
  }
  return { path: file, origin: 'download', url, resumedFrom, ...(expected ? { sha256: expected } : {}) };
}
