/**
 * `fcbench data pull`: fetch the manifest's files (from upstream, another base URL, or a local
 * folder), check each against its sha256 before moving it into place atomically (temp file +
 * rename), skip files already present and verified. A bad file is refused and named; the others
 * are still installed.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { UserError } from '../core/errors.js';
import { sha256Of, type ManifestFile } from './manifest.js';
import { checkFile } from './verify.js';

export type PullEvent =
  | { kind: 'skipped' | 'installed'; file: ManifestFile; source: string; done: number; total: number }
  | { kind: 'failed'; file: ManifestFile; source: string; reason: string; done: number; total: number };

export interface PullOptions {
  /** Folder to install into (created when missing). */
  dest: string;
  files: readonly ManifestFile[];
  /** Base URL (http/https/file) or local folder laid out like the data folder; default: each file's manifest URL. */
  from?: string;
  /** Files fetched at once (default 4). */
  concurrency?: number;
  /** Per-request timeout in milliseconds (default 120 000). */
  timeoutMs?: number;
  onProgress?: (e: PullEvent) => void;
}

export interface PullReport {
  installed: ManifestFile[];
  skipped: ManifestFile[];
  failed: Array<{ file: ManifestFile; source: string; reason: string }>;
}

type Source = { kind: 'manifest' } | { kind: 'url'; base: string } | { kind: 'dir'; dir: string };

function parseSource(from: string | undefined): Source {
  if (from === undefined || from === '') return { kind: 'manifest' };
  if (/^https?:\/\//i.test(from)) return { kind: 'url', base: from.replace(/\/+$/, '') };
  const dir = /^file:\/\//i.test(from) ? fileURLToPath(from) : resolve(from);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`--from ${from}: no such folder. Give a base URL (http://…) or a folder laid out like bfcl_eval/data/ (e.g. ../shared/bfcl-data).`);
  }
  return { kind: 'dir', dir };
}

function sourceOf(src: Source, file: ManifestFile): string {
  if (src.kind === 'manifest') return file.url;
  if (src.kind === 'url') return `${src.base}/${file.path.split('/').map(encodeURIComponent).join('/')}`;
  return join(src.dir, ...file.path.split('/'));
}

async function fetchBytes(url: string, timeoutMs: number): Promise<Uint8Array> {
  let lastError = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (res.ok) return new Uint8Array(await res.arrayBuffer());
      lastError = `HTTP ${res.status} ${res.statusText}`.trim();
      if (res.status < 500) break; // a 4xx will not change on retry
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
      lastError = `${e instanceof Error ? e.message : String(e)}${cause}`;
    }
  }
  throw new Error(lastError);
}

async function readSource(src: Source, location: string, timeoutMs: number): Promise<Uint8Array> {
  if (src.kind === 'dir') {
    if (!existsSync(location)) throw new Error('not found in the --from folder');
    return readFileSync(location);
  }
  return fetchBytes(location, timeoutMs);
}

/** Write next to the target, then rename: a reader never sees a half-written data file. */
function installAtomically(target: string, data: Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.part-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export async function pullData(opts: PullOptions): Promise<PullReport> {
  const src = parseSource(opts.from);
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const report: PullReport = { installed: [], skipped: [], failed: [] };
  const total = opts.files.length;
  let done = 0;
  const queue = [...opts.files];

  const one = async (file: ManifestFile): Promise<void> => {
    const source = sourceOf(src, file);
    const target = join(opts.dest, ...file.path.split('/'));
    try {
      const present = await checkFile(opts.dest, file);
      if (present.state === 'ok') {
        report.skipped.push(file);
        opts.onProgress?.({ kind: 'skipped', file, source, done: ++done, total });
        return;
      }
      const data = await readSource(src, source, timeoutMs);
      const sha = sha256Of(data);
      if (sha !== file.sha256) {
        throw new Error(`sha256 mismatch: expected ${file.sha256} (${file.bytes} bytes), got ${sha} (${data.length} bytes); file refused`);
      }
      installAtomically(target, data);
      report.installed.push(file);
      opts.onProgress?.({ kind: 'installed', file, source, done: ++done, total });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      report.failed.push({ file, source, reason });
      opts.onProgress?.({ kind: 'failed', file, source, reason, done: ++done, total });
    }
  };

  const workers = Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, queue.length)) }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) await one(f);
  });
  await Promise.all(workers);
  const order = new Map(opts.files.map((f, i) => [f.path, i]));
  const byOrder = (a: ManifestFile, b: ManifestFile): number => order.get(a.path)! - order.get(b.path)!;
  report.installed.sort(byOrder);
  report.skipped.sort(byOrder);
  report.failed.sort((a, b) => byOrder(a.file, b.file));
  return report;
}
