/**
 * A lock file holding its owner's pid: created exclusively; a lock whose process is gone is stale and
 * taken over. Used for result files (one writer each) and model downloads (one download per file).
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** Whether a process with this pid is running. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Create `lock` for this process. When a live process holds it (or `heldHere(pid)` says this process
 * already does), throws what `busy(pid)` returns. Returns a release function.
 */
export function acquirePidLock(lock: string, busy: (pid: number) => Error, heldHere: (pid: number) => boolean = () => false): () => void {
  for (let tries = 0; ; tries++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lock);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 2) throw e;
    }
    let pid = NaN;
    try {
      pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    } catch {
      /* vanished meanwhile: retry */
    }
    if (Number.isFinite(pid) && pid > 0 && (pid === process.pid ? heldHere(pid) : processAlive(pid))) throw busy(pid);
    try {
      unlinkSync(lock); // stale: its process is gone
    } catch {
      /* someone else removed it */
    }
  }
}
