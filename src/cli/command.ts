/** The shape of one sub-command module. */
import type { Argv } from 'yargs';

export interface Command {
  command: string;
  describe: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  builder: (y: Argv) => Argv<any>;
  /** Runs the command; resolves to the process exit code (DESIGN.md). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run: (args: any) => Promise<number>;
}
