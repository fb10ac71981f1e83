/** `fcbench data pull|verify|list`: fetch, re-check and describe the official BFCL v4 data files. */
import { relative } from 'node:path';
import type { Command } from './command.js';
import { EXIT, UserError } from '../core/errors.js';
import { expandCategories } from '../data/categories.js';
import { missingDataHint, requireDataDir, resolveDataDir } from '../data/dataset.js';
import { categoryCounts, formatCategoryTable } from '../data/list.js';
import { filesForCategories, loadManifest } from '../data/manifest.js';
import { pullData } from '../data/pull.js';
import { verifyData } from '../data/verify.js';
import { DEFAULT_DATA_DIR, MANIFEST_FILE } from '../data/locations.js';
import { existsSync } from 'node:fs';

interface DataArgs {
  action: 'pull' | 'verify' | 'list';
  dest?: string;
  from?: string;
  data?: string;
  categories?: string[];
  manifest?: string;
  concurrency: number;
}

function selectedFiles(args: DataArgs) {
  const manifest = loadManifest(args.manifest ?? MANIFEST_FILE);
  const cats = args.categories && args.categories.length > 0 ? expandCategories(args.categories) : undefined;
  return { manifest, files: filesForCategories(manifest, cats) };
}

async function pull(args: DataArgs): Promise<number> {
  if (args.data !== undefined) throw new UserError('data pull: use --dest DIR for the folder to install into (--data is for verify and list).');
  const dest = resolveDataDir(args.dest);
  const { manifest, files } = selectedFiles(args);
  const from = args.from ?? `https://raw.githubusercontent.com/${manifest.source.repository}/${manifest.source.commit}/${manifest.source.folder}`;
  console.log(`Pulling ${files.length} BFCL v4 files from ${from} into ${dest}`);
  const width = String(files.length).length;
  const report = await pullData({
    dest,
    files,
    ...(args.from !== undefined ? { from: args.from } : {}),
    concurrency: args.concurrency,
    onProgress: (e) => {
      const n = `[${String(e.done).padStart(width)}/${e.total}]`;
      if (e.kind === 'failed') console.log(`${n} FAILED     ${e.file.path}: ${e.reason} (from ${e.source})`);
      else console.log(`${n} ${e.kind === 'installed' ? 'installed' : 'up to date'}  ${e.file.path}`);
    },
  });
  console.log(`${report.installed.length} installed, ${report.skipped.length} already up to date, ${report.failed.length} failed.`);
  if (report.failed.length === 0) return EXIT.ok;
  console.error(`fcbench: ${report.failed.length} file(s) could not be installed:`);
  for (const f of report.failed) console.error(`  ${f.file.path}: ${f.reason}`);
  if (report.installed.length + report.skipped.length > 0) console.error('The other files are in place; run the same command again to retry the failed ones.');
  if (args.from === undefined) console.error('Without network access to GitHub, install from a local copy: fcbench data pull --from ../shared/bfcl-data');
  return EXIT.incomplete;
}

async function verify(args: DataArgs): Promise<number> {
  const dir = resolveDataDir(args.data);
  requireDataDir(dir);
  const { files } = selectedFiles(args);
  const r = await verifyData(dir, files);
  for (const c of r.missing) console.log(`missing   ${c.file.path}`);
  for (const c of r.modified) console.log(`modified  ${c.file.path} (sha256 ${c.actualSha256}, expected ${c.file.sha256})`);
  console.log(`${dir}: ${r.ok.length} of ${files.length} files verified, ${r.missing.length} missing, ${r.modified.length} modified.`);
  if (r.missing.length + r.modified.length === 0) return EXIT.ok;
  console.error(`fcbench: ${dir} does not match the manifest. Run 'fcbench data pull${dir === DEFAULT_DATA_DIR ? '' : ` --dest ${relative(process.cwd(), dir) || '.'}`}' to restore the files.`);
  return EXIT.badInput;
}

async function list(args: DataArgs): Promise<number> {
  const dir = resolveDataDir(args.data);
  const manifest = loadManifest(args.manifest ?? MANIFEST_FILE);
  if (args.data !== undefined) requireDataDir(dir);
  const present = existsSync(dir);
  const rows = categoryCounts(present ? dir : undefined, manifest);
  const wanted = args.categories && args.categories.length > 0 ? new Set(expandCategories(args.categories)) : undefined;
  console.log(formatCategoryTable(wanted ? rows.filter((r) => wanted.has(r.info.name)) : rows));
  console.log(present ? `\nCounts from ${dir}.` : `\nCounts from the manifest: ${dir} not found. ${missingDataHint()}`);
  if (rows.some((r) => r.from === 'missing')) console.log(`Some files are missing; 'fcbench data verify${args.data !== undefined ? ` --data ${args.data}` : ''}' names them.`);
  return EXIT.ok;
}

export const dataCommand: Command = {
  command: 'data <action>',
  describe: 'Pull, verify or list the official BFCL v4 data files',
  builder: (y) =>
    y
      .positional('action', { choices: ['pull', 'verify', 'list'] as const, describe: 'pull: download and verify; verify: re-check; list: categories with counts' })
      .option('dest', { type: 'string', describe: `pull: folder to install into (default ${relative(process.cwd(), DEFAULT_DATA_DIR) || DEFAULT_DATA_DIR})` })
      .option('from', { type: 'string', describe: 'pull: base URL or local folder laid out like bfcl_eval/data/ (default: upstream at the pinned commit)' })
      .option('data', { type: 'string', describe: 'verify/list: data folder (default datasets/bfcl-v4)' })
      .option('categories', { type: 'array', string: true, describe: 'only the files of these categories or groups (comma or space separated)' })
      .option('concurrency', { type: 'number', default: 4, describe: 'pull: files fetched at once' })
      .option('manifest', { type: 'string', hidden: true, describe: 'dataset manifest (default datasets/manifest.json)' }),
  run: async (args: DataArgs) => {
    if (!Number.isInteger(args.concurrency) || args.concurrency < 1) throw new UserError(`--concurrency ${args.concurrency}: give a whole number of at least 1.`);
    if (args.action === 'pull') return pull(args);
    if (args.action === 'verify') return verify(args);
    return list(args);
  },
};
