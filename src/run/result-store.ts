/**
 * A BFCL-layout result file (bfcl-spec §13.1) written so that no entry is lost, torn or duplicated:
 * - every finished entry is appended as one whole line with a single write(2) on an O_APPEND
 *   descriptor, so a kill leaves either the whole line or nothing;
 * - on open, a torn last line left by an older crash is cut off, and duplicate ids are collapsed;
 * - resume: ids already present are skipped; --rerun-errors first rewrites the file without the
 *   inference-error lines of the selected ids (temp file + rename, atomic), so their new lines
 *   never sit beside old ones;
 * - at the end the file is re-sorted in BFCL order (again temp + rename).
 * A `<file>.lock` keeps two fcbench processes from writing the same file.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { dumpsPyJson, parsePyJson } from '../core/pyjson.js';
import { PyDict } from '../core/pyvalue.js';
import { lockFile } from './file-lock.js';

/** BFCL's prefix for an entry whose inference raised (§10.2). */
export const INFERENCE_ERROR_PREFIX = 'Error during inference: ';

/** A result line that records an endpoint failure rather than a model answer (ours are marked, BFCL's are recognised by the prefix). */
export function isInferenceErrorLine(line: PyDict): boolean {
  if (line.get('inference_error') === true) return true;
  const r = line.get('result');
  return typeof r === 'string' && r.startsWith(INFERENCE_ERROR_PREFIX);
}

interface StoredLine {
  id: string;
  text: string;
  error: boolean;
}

export interface OpenOptions {
  /** Inference-error lines whose id this accepts are removed on open (to be generated again). */
  dropErrors?: (id: string) => boolean;
}

/** Writes `text` to `file` atomically: a temp file in the same folder, fsync, rename over, fsync the folder. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeAll(fd, Buffer.from(text, 'utf8'), tmp);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  try {
    const dfd = openSync(dirname(file), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    /* some filesystems cannot fsync a folder */
  }
}

function writeAll(fd: number, buf: Buffer, file: string): void {
  const n = writeSync(fd, buf, 0, buf.length);
  // A regular file takes the whole buffer in one write unless the disk is full.
  if (n !== buf.length) throw new Error(`short write to ${file} (${n} of ${buf.length} bytes): is the disk full?`);
}

export class ResultStore {
  private fd: number | undefined;
  private readonly release: () => void;
  /** id → whether its line is an inference error. */
  private readonly ids = new Map<string, boolean>();
  /** What was repaired on open (torn line cut, duplicates collapsed, errors dropped, bad lines). */
  readonly notes: string[] = [];

  private constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.release = lockFile(path);
  }

  static open(path: string, opts: OpenOptions = {}): ResultStore {
    const s = new ResultStore(path);
    try {
      s.load(opts);
      s.fd = openSync(path, 'a');
    } catch (e) {
      s.release();
      throw e;
    }
    return s;
  }

  private load(opts: OpenOptions): void {
    if (!existsSync(this.path)) return;
    const text = readFileSync(this.path, 'utf8');
    const parts = text.split('\n');
    const tail = parts.pop()!; // '' when the file ends with a newline
    let rewrite = false;
    const kept: Array<StoredLine | string> = [];
    const consider = (raw: string, lineNo: number, last: boolean): void => {
      if (raw.trim() === '') {
        rewrite = true;
        return;
      }
      let v;
      try {
        v = parsePyJson(raw);
      } catch {
        v = undefined;
      }
      const id = v instanceof PyDict ? v.get('id') : undefined;
      if (typeof id !== 'string') {
        if (last) {
          this.notes.push(`${this.path}: cut a torn last line (${Buffer.byteLength(raw)} bytes) left by an interrupted run`);
          rewrite = true;
        } else {
          this.notes.push(`${this.path}:${lineNo}: kept a line that is not a result entry (not JSON or no "id"); fix or delete it`);
          kept.push(raw);
        }
        return;
      }
      if (last) rewrite = true; // complete but unterminated: rewrite with its newline
      kept.push({ id, text: raw, error: isInferenceErrorLine(v as PyDict) });
    };
    parts.forEach((p, i) => consider(p, i + 1, false));
    if (tail !== '') consider(tail, parts.length + 1, true);

    // One line per id: a model answer beats an inference error; otherwise the later line wins (BFCL's reader does the same).
    const best = new Map<string, StoredLine>();
    let dups = 0;
    for (const k of kept) {
      if (typeof k === 'string') continue;
      const prev = best.get(k.id);
      if (prev) dups++;
      if (!prev || prev.error || !k.error) best.set(k.id, k);
    }
    if (dups > 0) {
      this.notes.push(`${this.path}: ${dups} duplicate line(s) collapsed to one line per id`);
      rewrite = true;
    }
    let dropped = 0;
    const out: string[] = [];
    for (const k of kept) {
      if (typeof k === 'string') {
        out.push(k);
        continue;
      }
      if (best.get(k.id) !== k) continue;
      if (k.error && opts.dropErrors?.(k.id)) {
        dropped++;
        continue;
      }
      out.push(k.text);
      this.ids.set(k.id, k.error);
    }
    if (dropped > 0) {
      this.notes.push(`${this.path}: removed ${dropped} inference-error line(s) to generate them again`);
      rewrite = true;
    }
    if (rewrite) writeFileAtomic(this.path, out.map((l) => l + '\n').join(''));
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** True when the id's line records an inference error. */
  isError(id: string): boolean {
    return this.ids.get(id) === true;
  }

  get size(): number {
    return this.ids.size;
  }

  /** Appends one entry as one line in one write. An id already present is refused (no duplicates, ever). */
  append(line: PyDict): void {
    if (this.fd === undefined) throw new Error(`${this.path} is closed`);
    const id = line.get('id');
    if (typeof id !== 'string') throw new Error('a result line needs a string "id"');
    if (this.ids.has(id)) throw new Error(`${this.path} already holds a line for ${id}`);
    writeAll(this.fd, Buffer.from(dumpsPyJson(line) + '\n', 'utf8'), this.path);
    this.ids.set(id, isInferenceErrorLine(line));
  }

  /**
   * Closes the file; with `compare`, first rewrites it sorted (atomically, only if out of order).
   * Releases the lock.
   */
  close(compare?: (a: string, b: string) => number): void {
    try {
      if (this.fd !== undefined) {
        fsyncSync(this.fd);
        closeSync(this.fd);
        this.fd = undefined;
        if (compare) this.sort(compare);
      }
    } finally {
      this.release();
    }
  }

  private sort(compare: (a: string, b: string) => number): void {
    if (!existsSync(this.path)) return;
    const lines = readFileSync(this.path, 'utf8').split('\n').filter((l) => l !== '');
    const keyed = lines.map((text, i) => ({ text, i, id: idOf(text) }));
    const sorted = [...keyed].sort((a, b) => (a.id !== undefined && b.id !== undefined ? compare(a.id, b.id) || a.i - b.i : a.i - b.i));
    if (sorted.every((k, i) => k.i === i)) return;
    writeFileAtomic(this.path, sorted.map((k) => k.text + '\n').join(''));
  }
}

function idOf(line: string): string | undefined {
  try {
    const v = parsePyJson(line);
    const id = v instanceof PyDict ? v.get('id') : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
