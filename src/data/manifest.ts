/**
 * datasets/manifest.json: every official BFCL v4 data file with its upstream URL at a pinned commit,
 * sha256, size and entry count (written by scripts/make-manifest.mjs).
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { categoryInfo, expandCategories, isMemory, isWebSearch } from './categories.js';
import { MANIFEST_FILE } from './locations.js';

export interface ManifestFile {
  /** Path relative to the data folder, '/'-separated (as upstream bfcl_eval/data/). */
  path: string;
  url: string;
  sha256: string;
  bytes: number;
  format: 'jsonl' | 'json';
  /** Non-empty JSON lines; for the one-object format_sensitivity file, the number of ids it lists. */
  entries: number;
}

export interface Manifest {
  dataset: string;
  source: { repository: string; commit: string; folder: string };
  files: ManifestFile[];
}

function fail(file: string, what: string): never {
  throw new UserError(`${file}: ${what}. Regenerate it with 'node scripts/make-manifest.mjs' or restore it from the fcbench package.`);
}

export function loadManifest(file: string = MANIFEST_FILE): Manifest {
  if (!existsSync(file)) fail(file, 'the dataset manifest is missing');
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(file, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const m = doc as Partial<Manifest>;
  if (!m || typeof m !== 'object' || !Array.isArray(m.files) || !m.source) fail(file, 'expected an object with "source" and "files"');
  m.files.forEach((f, i) => {
    const ok =
      f && typeof f.path === 'string' && typeof f.url === 'string' && /^[0-9a-f]{64}$/.test(String(f.sha256)) && typeof f.bytes === 'number' && typeof f.entries === 'number';
    if (!ok) fail(file, `files[${i}] needs path, url, sha256 (64 hex digits), bytes and entries`);
    if (f.path.startsWith('/') || f.path.split('/').includes('..')) fail(file, `files[${i}].path ${f.path} must stay inside the data folder`);
  });
  return m as Manifest;
}

/** The multi-turn classes' doc files (web search and memory docs belong to the agentic categories). */
function isMultiTurnDoc(path: string): boolean {
  return path.startsWith('multi_turn_func_doc/') && !/\/(web_search|memory_[a-z_]+)\.json$/.test(path);
}

/** The categories whose entries format_sensitivity reuses (§2.5). */
const FORMAT_SENSITIVITY_SOURCES = ['simple_python', 'parallel', 'multiple', 'parallel_multiple', 'live_simple', 'live_multiple', 'live_parallel', 'live_parallel_multiple'];

/**
 * The manifest files needed to load `categories` (names or groups; question and answer files, function
 * docs, memory prerequisite conversations); every file when `categories` is undefined. Unknown names → UserError.
 */
export function filesForCategories(manifest: Manifest, categories?: readonly string[]): ManifestFile[] {
  if (categories === undefined) return manifest.files;
  const wanted = new Set<string>();
  const add = (name: string): void => {
    const info = categoryInfo(name);
    wanted.add(info.file);
    if (info.answerFile) wanted.add(info.answerFile);
    if (info.kind === 'multi_turn') manifest.files.filter((f) => isMultiTurnDoc(f.path)).forEach((f) => wanted.add(f.path));
    if (isWebSearch(name)) wanted.add('multi_turn_func_doc/web_search.json');
    if (info.kind === 'agentic' && isMemory(name)) {
      wanted.add(`multi_turn_func_doc/${name}.json`);
      manifest.files.filter((f) => f.path.startsWith('memory_prereq_conversation/')).forEach((f) => wanted.add(f.path));
    }
    if (name === 'format_sensitivity') FORMAT_SENSITIVITY_SOURCES.forEach(add);
  };
  expandCategories(categories).forEach(add);
  return manifest.files.filter((f) => wanted.has(f.path));
}

export function sha256Of(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** sha256 of a file, streamed. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => h.update(chunk))
      .on('error', reject)
      .on('end', () => resolvePromise(h.digest('hex')));
  });
}
