/** `fcbench merge --out DIR SHARD_DIR… [--allow-missing]`: join the results folders of `generate --shard K/N` runs. */
import type { Argv } from 'yargs';
import { mergeShards } from '../run/merge.js';
import type { Command } from './command.js';

interface MergeArgs {
  out: string;
  shards: string[];
  allowMissing: boolean;
}

export const mergeCommand: Command = {
  command: 'merge <shards..>',
  describe: 'Join the results folders of generate --shard K/N runs into one results folder (refuses shards that do not belong together)',
  builder: (y: Argv) =>
    y
      .positional('shards', { type: 'string', array: true, describe: "each shard's results folder (its --results)" })
      .option('out', { type: 'string', demandOption: true, describe: 'results folder to write the merged result files and manifest to' })
      .option('allow-missing', { type: 'boolean', default: false, describe: 'merge even when entries or whole shards have no line (exit 3)' }),
  run: async (a: MergeArgs) => {
    const summary = mergeShards({ out: a.out, shards: a.shards.map(String), allowMissing: a.allowMissing });
    for (const m of summary.models) {
      console.log(`${m.model}: ${m.shards.length} shard(s), ${m.lines} of ${m.selected} entries in ${m.files.length} result file(s) → ${m.manifest}`);
      if (m.missing > 0) console.error(`${m.model}: ${m.missing} entries of the selection have no line (--allow-missing)`);
      if (m.inferenceErrors > 0) console.error(`${m.model}: ${m.inferenceErrors} entries hold an inference error; regenerate them with fcbench generate --rerun-errors --results ${a.out}`);
    }
    return summary.exitCode;
  },
};
