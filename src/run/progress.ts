/**
 * Generation progress: a redrawn bar with rate and ETA on a terminal; a plain line every
 * `intervalMs` when the output is a file, a pipe or CI (so logs stay readable).
 */

export type ProgressMode = 'auto' | 'bar' | 'lines' | 'off';

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  mode?: ProgressMode;
  /** Plain-line mode: one line this often (default 10 s). */
  intervalMs?: number;
  label?: string;
  env?: NodeJS.ProcessEnv;
}

export interface Progress {
  start(total: number): void;
  /** One entry finished (ok = a model answer, not an inference error). */
  tick(ok: boolean): void;
  /** A message printed above the bar (or as its own line). */
  note(message: string): void;
  stop(): void;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function createProgress(o: ProgressOptions = {}): Progress {
  const stream = o.stream ?? process.stderr;
  const env = o.env ?? process.env;
  let mode = o.mode ?? 'auto';
  if (mode === 'auto') mode = stream.isTTY && !env['CI'] && env['TERM'] !== 'dumb' ? 'bar' : 'lines';
  const label = o.label ?? 'generate';
  const intervalMs = o.intervalMs ?? 10_000;
  let total = 0;
  let done = 0;
  let errors = 0;
  let t0 = 0;
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  let lastLen = 0;

  const stats = (): string => {
    const el = (performance.now() - t0) / 1000;
    const rate = el > 0 ? done / el : 0;
    const eta = rate > 0 ? (total - done) / rate : Infinity;
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    const err = errors > 0 ? `, ${errors} inference error${errors === 1 ? '' : 's'}` : '';
    return `${done}/${total} ${pct}% ${rate.toFixed(1)}/s elapsed ${formatDuration(el)} ETA ${formatDuration(eta)}${err}`;
  };
  const draw = (): void => {
    if (mode !== 'bar') return;
    const width = 24;
    const filled = total > 0 ? Math.round((width * done) / total) : width;
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${stats()}`;
    stream.write(`\r${line}${' '.repeat(Math.max(0, lastLen - line.length))}`);
    lastLen = line.length;
    dirty = false;
  };
  const clear = (): void => {
    if (mode === 'bar' && lastLen > 0) stream.write(`\r${' '.repeat(lastLen)}\r`);
    lastLen = 0;
  };

  return {
    start(n) {
      total = n;
      t0 = performance.now();
      if (mode === 'off') return;
      if (mode === 'bar') {
        draw();
        timer = setInterval(() => dirty && draw(), 100);
      } else {
        stream.write(`${label}: ${n} entries to generate\n`);
        timer = setInterval(() => stream.write(`${label}: ${stats()}\n`), intervalMs);
      }
      timer.unref();
    },
    tick(ok) {
      done++;
      if (!ok) errors++;
      dirty = true;
    },
    note(message) {
      if (mode === 'off') return;
      clear();
      stream.write(`${message}\n`);
      if (mode === 'bar') draw();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (mode === 'off') return;
      if (mode === 'bar') {
        draw();
        stream.write('\n');
      } else stream.write(`${label}: ${stats()}\n`);
    },
  };
}
