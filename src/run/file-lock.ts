/** One writer per result file: `<file>.lock` holds the writer's pid; a lock whose pid is gone is stale and taken over. */
import { acquirePidLock } from '../core/pid-lock.js';
import { UserError } from '../core/errors.js';

/** Locks this process holds (a second store on the same file in one process is refused too). */
const held = new Set<string>();

/** Takes the lock for `file` or throws a UserError saying who holds it. Returns the release function. */
export function lockFile(file: string): () => void {
  const lock = `${file}.lock`;
  const release = acquirePidLock(
    lock,
    (pid) => new UserError(`${file} is being written by another fcbench process (pid ${pid}, lock ${lock}). Wait for it to finish, or delete the lock file if that process is gone.`),
    () => held.has(lock),
  );
  held.add(lock);
  return () => {
    if (held.delete(lock)) release();
  };
}
