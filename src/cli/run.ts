/**
 * `fcbench run` = generate, then evaluate, then report. With no model it evaluates the embedded
 * default (xLAM-1b-fc-r GGUF, in-process). Exit code: the worst of the three steps (3 when the
 * generation left entries without an answer, 2 on bad input or bad result lines).
 */
import type { Argv } from 'yargs';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, UserError } from '../core/errors.js';
import { stability, type CategoryStability, type RepeatVerdicts } from '../score/repeats.js';
import { expandCategories, modelDirName } from '../data/categories.js';
import { DEFAULT_DATA_DIR } from '../data/locations.js';
import { filesForCategories, loadManifest } from '../data/manifest.js';
import { pullData } from '../data/pull.js';
import type { Command } from './command.js';
import { evaluateAndPrint } from './evaluate.js';
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
      .option('no-report', { type: 'boolean', default: false, describe: 'stop after evaluate' })
      .option('repeats', { type: 'number', default: 1, describe: 'run the same entries N times (results and scores in repeat-<k>/ folders); report mean, standard deviation and the entries whose verdict changed' }),
  run: async (a) => {
    if (a.model === undefined) {
      a.model = DEFAULT_MODEL;
      console.error(`fcbench: no --model given: evaluating the embedded default ${DEFAULT_MODEL}`);
    }
    if (a.shard !== undefined) throw new UserError('run evaluates a whole selection: generate shards with `fcbench generate --shard K/N`, join them with `fcbench merge`, then `fcbench evaluate`');
    if (a.data === undefined && a.categories !== undefined) await pullMissingData(String(a.categories));
    const repeats = a.repeats as number;
    if (!Number.isInteger(repeats) || repeats < 1) throw new UserError(`--repeats must be a whole number of at least 1 (got ${repeats})`);
    if (repeats === 1) return (await runOnce(a, a.results, a.scores, a.out)).code;
    const verdicts: RepeatVerdicts[] = [];
    let code: number = EXIT.ok;
    for (let k = 1; k <= repeats; k++) {
      console.log(`\n=== repeat ${k} of ${repeats}`);
      const r = await runOnce(a, join(a.results, `repeat-${k}`), join(a.scores, `repeat-${k}`), undefined);
      code = Math.max(code, r.code);
      verdicts.push(r.verdicts);
    }
    const rows = stability(verdicts);
    printStability(rows);
    writeFileSync(join(a.scores, 'repeats.json'), JSON.stringify(rows, null, 2) + '\n');
    return code;
  },
};

/** On a fresh machine `fcbench run` installs the official files it needs (as `fcbench data pull` would). */
async function pullMissingData(categories: string): Promise<void> {
  const files = filesForCategories(loadManifest(), expandCategories([categories])).filter((f) => !existsSync(join(DEFAULT_DATA_DIR, ...f.path.split('/'))));
  if (files.length === 0) return;
  console.error(`fcbench: ${files.length} BFCL data file(s) for ${categories} are not installed yet; pulling them into ${DEFAULT_DATA_DIR}`);
  const r = await pullData({ dest: DEFAULT_DATA_DIR, files });
  if (r.failed.length) {
    const why = r.failed.map((f) => `${f.file.path}: ${f.reason}`).join('\n  ');
    throw new UserError(`could not install the BFCL data:\n  ${why}\nInstall from a local copy (fcbench data pull --from DIR) or pass --data DIR.`);
  }
}

interface OnceResult {
  code: number;
  verdicts: RepeatVerdicts;
}

/** One generate → evaluate (→ report, unless repeating) pass. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function runOnce(a: Record<string, any>, results: string, scores: string, out: string | undefined): Promise<OnceResult> {
  const gen = await generateFromFlags({ ...a, results });
  const model = modelDirName(gen.config.name);
  // A subset (--limit, --ids) or an interrupted run is scored on the ids that have an answer.
  const partial = a.limit !== undefined || a.ids !== undefined || gen.exitCode !== EXIT.ok;
  const ev = await evaluateAndPrint({
    results,
    scores,
    ...(a.data !== undefined ? { data: a.data } : {}),
    model: [model],
    categories: gen.categories.join(','),
    format: gen.config.format,
    partial,
  });
  let reportCode: number = EXIT.ok;
  if (!a['no-report'] && a.repeats === 1) {
    reportCode = await runReport({ scores, out: out ?? `reports/${model}`, ...(a.junit ? { junit: a.junit } : {}) });
  }
  const categories = new Map<string, Map<string, boolean>>();
  for (const s of ev.report.scores) {
    const failed = new Set(s.failures.filter((f) => !f.verdict.skipped).map((f) => f.id));
    const skipped = new Set(s.failures.filter((f) => f.verdict.skipped).map((f) => f.id));
    categories.set(s.category, new Map(s.ids.filter((id) => !skipped.has(id)).map((id) => [id, !failed.has(id)])));
  }
  return { code: Math.max(gen.exitCode, ev.code, reportCode), verdicts: { categories } };
}

function printStability(rows: CategoryStability[]): void {
  console.log('\nstability over repeats');
  for (const r of rows) {
    const accs = r.accuracies.map((x) => (x * 100).toFixed(2)).join(' ');
    console.log(`${r.category.padEnd(24)} mean ${(r.mean * 100).toFixed(2)}%  sd ${(r.std * 100).toFixed(2)}  [${accs}]  changed: ${r.flipped.length ? r.flipped.join(', ') : 'none'}`);
  }
}
