/**
 * `fcbench run` = generate, then evaluate, then report. With no model it evaluates the embedded
 * default (xLAM-1b-fc-r GGUF, in-process). Exit code: the worst of the three steps (3 when the
 * generation left entries without an answer, 2 on bad input or bad result lines).
 */
import type { Argv } from 'yargs';
import { EXIT } from '../core/errors.js';
import { modelDirName } from '../data/categories.js';
import type { Command } from './command.js';
import { runEvaluate } from './evaluate.js';
import { generateFromFlags, generateOptions } from './generate.js';
import { runReport } from './report.js';

/** The model `fcbench run` evaluates when none is named (configs/models/xlam-1b-fc-r-gguf.json). */
export const DEFAULT_MODEL = 'xlam-1b-fc-r-gguf';

export const runCommand: Command = {
  command: 'run',
  describe: `Generate, evaluate and report in one go (default model: ${DEFAULT_MODEL}, embedded, no server)`,
  builder: (y: Argv) =>
    generateOptions(y, false)
      .option('scores', { type: 'string', default: 'scores', describe: 'where score files and leaderboard CSVs go' })
      .option('out', { type: 'string', describe: 'report folder (default reports/<model>)' })
      .option('junit', { type: 'string', describe: 'also write JUnit XML here' })
      .option('no-report', { type: 'boolean', default: false, describe: 'stop after evaluate' }),
  run: async (a) => {
    if (a.model === undefined) {
      a.model = DEFAULT_MODEL;
      console.error(`fcbench: no --model given: evaluating the embedded default ${DEFAULT_MODEL}`);
    }
    const gen = await generateFromFlags(a);
    const model = modelDirName(gen.config.name);
    // A subset (--limit, --ids) or an interrupted run is scored on the ids that have an answer.
    const partial = a.limit !== undefined || a.ids !== undefined || gen.exitCode !== EXIT.ok;
    const evalCode = await runEvaluate({
      results: a.results,
      scores: a.scores,
      ...(a.data !== undefined ? { data: a.data } : {}),
      model: [model],
      categories: gen.categories.join(','),
      format: gen.config.format,
      partial,
    });
    let reportCode: number = EXIT.ok;
    if (!a['no-report']) {
      const out = a.out ?? `reports/${model}`;
      reportCode = await runReport({ scores: a.scores, out, ...(a.junit ? { junit: a.junit } : {}) });
    }
    return Math.max(gen.exitCode, evalCode, reportCode);
  },
};
