/** `fcbench report --scores DIR --out DIR [--junit FILE] [--profile bfcl-v4|bfcl-v1]` */
import type { Argv } from 'yargs';
import { EXIT, UserError } from '../core/errors.js';
import { buildReport, inferProfile } from '../report/report-model.js';
import { readScoresDir } from '../report/score-folder.js';
import { writeReport } from '../report/write-report.js';
import { PROFILES, type Profile } from '../score/leaderboard.js';
import type { Command } from './command.js';
import { writeReproductionV1 } from './report-v1.js';

export const reportCommand: Command = {
  command: 'report',
  describe: 'Write leaderboard CSVs, Markdown, JSON, PNG charts and an HTML report from score files',
  builder: (y: Argv) =>
    y
      .option('scores', { type: 'string', demandOption: true, describe: 'score folder (<model>/<group>/BFCL_v4_<cat>_score.json or v1 <model>/<cat>_score.json)' })
      .option('out', { type: 'string', demandOption: true, describe: 'folder to write the report into' })
      .option('junit', { type: 'string', describe: 'also write JUnit XML here (one testsuite per category)' })
      .option('profile', { type: 'string', choices: PROFILES as string[], describe: 'leaderboard profile (default: from the score-file layout)' })
      .option('font', { type: 'string', describe: 'TTF font for charts (default: bundled DejaVu Sans; or $FCBENCH_FONT)' })
      .option('official', { type: 'string', describe: 'bfcl-v1: the official score folder of the run (<run>/score); adds the reproduction table (reproduction.md/.csv)' })
      .option('leaderboard', { type: 'string', describe: 'bfcl-v1, with --official: the published leaderboard data.csv of that run (for the Overall column)' }),
  run: (args: ReportFlags) => runReport(args),
};

export interface ReportFlags {
  scores: string;
  out: string;
  junit?: string;
  profile?: Profile;
  font?: string;
  official?: string;
  leaderboard?: string;
}

export async function runReport(args: ReportFlags): Promise<number> {
    const folders = readScoresDir(args.scores);
    const profile = args.profile ?? inferProfile(folders);
    const wrongLayout = folders.filter((f) => (profile === 'bfcl-v1') !== (f.layout === 'v1'));
    if (wrongLayout.length) throw new UserError(`--profile ${profile} does not fit the ${wrongLayout[0]!.layout} score layout of ${wrongLayout[0]!.dir}`, EXIT.badInput);
    const report = buildReport(folders, profile);
    const opts: Parameters<typeof writeReport>[1] = { outDir: args.out };
    if (args.junit) opts.junitFile = args.junit;
    if (process.env.GITHUB_STEP_SUMMARY) opts.githubSummaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (args.font) opts.fontPath = args.font;
    const files = writeReport(report, opts);
    for (const p of report.problems) console.error(`fcbench: warning: ${p.file}:${p.line}: ${p.message}`);
    console.log(`Wrote ${files.length} files to ${args.out} (${report.models.length} model(s), profile ${profile}).`);
    if (args.official !== undefined || args.leaderboard !== undefined) {
      if (profile !== 'bfcl-v1' || args.official === undefined) throw new UserError('--official/--leaderboard: the reproduction table is for --profile bfcl-v1 and needs --official <run>/score', EXIT.badInput);
      writeReproductionV1(folders, args.official, args.leaderboard, args.out);
    }
    return EXIT.ok;
}
