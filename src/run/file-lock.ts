/** One writer per result file: `<file>.lock` holds the writer's pid; a lock whose pid is gone is stale and taken over. */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { UserError } from '../core/errors.js';

const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock for `file` or throws a UserError saying who holds it. Returns the release function. */
export function lockFile(file: string): () => void {
  const lock = `${file}.lock`;
  for (let tries = 0; ; tries++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(lock);
      return () => {
        if (!held.delete(lock)) return;
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
    const mine = pid === process.pid;
    if (Number.isFinite(pid) && ((mine && held.has(lock)) || (!mine && alive(pid)))) {
      throw new UserError(
        `${file} is being written by another fcbench process (pid ${pid}, lock ${lock}). Wait for it to finish, or delete the lock file if that process is gone.`,
      );
    }
    try {
      unlinkSync(lock); // stale: its writer is gone
    } catch {
      /* someone else removed it */
    }
  }
}
