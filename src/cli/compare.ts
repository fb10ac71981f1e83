/** `fcbench compare BASE CAND [--scores DIR] [--fail-on-regression] [--alpha A] [--max-drop P] [--suite FILE]` */
import { appendFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { EXIT, UserError } from '../core/errors.js';
import { compareFolders, regressionGate, type GateOptions } from '../report/compare.js';
import { renderComparisonMarkdown, renderComparisonText, renderGateFailures } from '../report/compare-render.js';
import { readScoresDir, type ModelScoreFolder } from '../report/score-folder.js';
import { loadSuite } from '../report/suite.js';
import type { Command } from './command.js';

function resolveFolder(arg: string, scores: string | undefined, flag: string): ModelScoreFolder {
  const dir = scores ? join(scores, arg) : arg;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`${flag} ${dir}: not a directory${scores ? ` (looked for model folder '${arg}' in --scores ${scores})` : ''}`, EXIT.badInput);
  const models = readScoresDir(dir);
  if (models.length !== 1)
    throw new UserError(`${flag} ${dir} holds ${models.length} model folders (${models.map((m) => m.model).join(', ')}); name one, or pass --scores ${dir} and model names`, EXIT.badInput);
  return models[0]!;
}

interface CompareArgs {
  base: string;
  cand: string;
  scores?: string;
  failOnRegression: boolean;
  alpha?: number;
  maxDrop?: number;
  suite?: string;
  seed: number;
  resamples: number;
  json?: string;
}

export const compareCommand: Command = {
  command: 'compare <base> <cand>',
  describe: 'Compare two score folders: per-category deltas, flipped ids, exact McNemar tests, bootstrap CIs, regression gate',
  builder: (y: Argv) =>
    y
      .positional('base', { type: 'string', describe: 'base score folder (or model name with --scores)' })
      .positional('cand', { type: 'string', describe: 'candidate score folder (or model name with --scores)' })
      .option('scores', { type: 'string', describe: 'score folder holding both model folders' })
      .option('fail-on-regression', { type: 'boolean', default: false, describe: 'exit 1 when a category regresses (significant drop, drop > --max-drop, or below a suite minimum)' })
      .option('alpha', { type: 'number', describe: 'significance level of the McNemar test (default 0.05, or the suite value)' })
      .option('max-drop', { type: 'number', describe: 'largest allowed drop per category, in percentage points' })
      .option('suite', { type: 'string', describe: 'suite file (configs/suites/X.json): categories, minimum accuracies, max drop, alpha' })
      .option('seed', { type: 'number', default: 1, describe: 'bootstrap seed' })
      .option('resamples', { type: 'number', default: 2000, describe: 'bootstrap resamples' })
      .option('json', { type: 'string', describe: 'also write the comparison as JSON here' }),
  run: async (args: CompareArgs) => {
    const suite = args.suite ? loadSuite(args.suite) : undefined;
    const alpha = args.alpha ?? suite?.alpha ?? 0.05;
    if (!(alpha > 0 && alpha < 1)) throw new UserError(`--alpha ${alpha}: must be between 0 and 1`, EXIT.badInput);
    if (args.maxDrop !== undefined && !(args.maxDrop >= 0)) throw new UserError(`--max-drop ${args.maxDrop}: must be a number of points ≥ 0`, EXIT.badInput);
    const base = resolveFolder(args.base, args.scores, 'BASE');
    const cand = resolveFolder(args.cand, args.scores, 'CAND');
    if (base.layout !== cand.layout) throw new UserError(`BASE is a ${base.layout} score folder and CAND a ${cand.layout} one; compare runs of the same benchmark version`, EXIT.badInput);
    const cmp = compareFolders(base, cand, { seed: args.seed, resamples: args.resamples });
    console.log(renderComparisonText(cmp));
    let failures: ReturnType<typeof regressionGate> | undefined;
    if (args.failOnRegression || suite) {
      const g: GateOptions = { alpha };
      const maxDrop = args.maxDrop ?? suite?.maxDrop;
      if (maxDrop !== undefined) g.maxDrop = maxDrop;
      if (suite?.minAccuracy) g.minAccuracy = suite.minAccuracy;
      if (suite) g.categories = suite.categories;
      failures = regressionGate(cmp, g);
    }
    if (args.json) writeFileSync(args.json, JSON.stringify({ ...cmp, gate: failures ?? null }, null, 2) + '\n');
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderComparisonMarkdown(cmp, failures) + '\n');
    if (failures && failures.length > 0) {
      console.error(renderGateFailures(failures));
      return args.failOnRegression ? EXIT.gateFailed : EXIT.ok;
    }
    if (failures) console.log('Regression gate passed.');
    return EXIT.ok;
  },
};
