/**
 * `mergeShards()`: join the results folders of `fcbench generate --shard K/N` runs into one
 * BFCL-layout results folder, after checking that the shards belong together.
 *
 * Each input is a results root (what the shard's `--results` was); every model folder in it is a
 * shard of that model. Refused (UserError, exit 2), naming the disagreement and the folders:
 * - a model folder without a run manifest, or written by a run without --shard;
 * - shards that disagree on the model config (name, model id, backend, format, sampling, constrain,
 *   embedded model file — not base URL, concurrency or timeouts, which may differ per machine), on a
 *   dataset file's sha256, on N, or on the selection they were cut from;
 * - two folders that are the same shard, or an id with a line in two shards;
 * - a result line for an id outside its shard (the folder mixes runs);
 * - ids of the selection without a line (a shard missing, or entries not generated), unless
 *   `allowMissing`.
 * Otherwise each result file is written to `out` with the union of the shards' lines (byte for byte
 * as the shards wrote them) in BFCL order (§13.1), atomically, beside a manifest holding every
 * shard's records and one merge record. Nothing is written when anything is refused.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { parsePyJson } from '../core/pyjson.js';
import { PyDict } from '../core/pyvalue.js';
import { compareIds } from '../data/categories.js';
import { fcbenchVersion, MANIFEST_NAME, settingsFingerprint, type RunRecord } from './manifest.js';
import type { ModelConfig } from './model-config.js';
import { isInferenceErrorLine, writeFileAtomic } from './result-store.js';
import { formatShard, selectionFingerprint, type ShardRecord } from './shard.js';

export interface MergeOptions {
  /** Results root to write (must not already hold results of a merged model). */
  out: string;
  /** Results roots of the shard runs. */
  shards: string[];
  /** Write the merge even when ids of the selection have no line (exit code 3 then). */
  allowMissing?: boolean;
  log?: (message: string) => void;
}

export interface MergedModel {
  /** Model folder name. */
  model: string;
  shards: string[];
  /** Written result files. */
  files: string[];
  manifest: string;
  /** Size of the whole selection. */
  selected: number;
  lines: number;
  inferenceErrors: number;
  missing: number;
}

export interface MergeSummary {
  models: MergedModel[];
  /** 0 complete; 3 when entries are missing (allowMissing) or hold inference errors. */
  exitCode: number;
}

/** What shards must agree on about the model (settings that change answers, not where they were served). */
function modelKey(m: ModelConfig): Record<string, unknown> {
  return {
    name: m.name,
    ...settingsFingerprint({ ...m, sampling: m.sampling ?? {} }),
    'llama_cpp.model_path': m.llamaCpp?.modelPath ?? null,
    'llama_cpp.sha256': m.llamaCpp?.sha256 ?? null,
    'llama_cpp.context_size': m.llamaCpp?.contextSize ?? null,
  };
}

/** One shard's model folder, read. */
interface ShardFolder {
  root: string;
  dir: string;
  records: RunRecord[];
  shard: ShardRecord;
  /** Relative result-file path → (id → line text). */
  files: Map<string, Map<string, string>>;
}

interface LineRead {
  id: string;
  text: string;
  error: boolean;
}

const RESULT_FILE = /^BFCL_v4_.+_result\.json$/;

function resultFilesUnder(dir: string, base = dir, out: string[] = []): string[] {
  for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, d.name);
    if (d.isDirectory()) resultFilesUnder(p, base, out);
    else if (RESULT_FILE.test(d.name)) out.push(relative(base, p));
  }
  return out;
}

/** Lines of a result file with their exact text; one per id as ResultStore keeps them (an answer beats an error, else the later line). */
function readLines(file: string, warn: (m: string) => void): LineRead[] {
  const best = new Map<string, LineRead>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      let v;
      try {
        v = parsePyJson(text);
      } catch {
        v = undefined;
      }
      const id = v instanceof PyDict ? v.get('id') : undefined;
      if (typeof id !== 'string') return warn(`${file}:${i + 1}: skipped a line that is not a result entry (not JSON or no "id")`);
      const line = { id, text, error: isInferenceErrorLine(v as PyDict) };
      const prev = best.get(id);
      if (!prev || prev.error || !line.error) best.set(id, line);
    });
  return [...best.values()];
}

function readManifest(dir: string): { records: RunRecord[] } | { problem: string } {
  const file = join(dir, MANIFEST_NAME);
  if (!existsSync(file)) return { problem: `${dir} has no ${MANIFEST_NAME}: merge takes folders written by fcbench generate --shard K/N` };
  try {
    const runs = (JSON.parse(readFileSync(file, 'utf8')) as { runs?: unknown[] }).runs ?? [];
    const records = runs.filter((r): r is RunRecord => typeof r === 'object' && r !== null && (r as RunRecord).command === 'generate' && typeof (r as RunRecord).model === 'object');
    if (records.length === 0) return { problem: `${file} records no generate run` };
    return { records };
  } catch (e) {
    return { problem: `${file} is not readable JSON: ${(e as Error).message}` };
  }
}

const sameShard = (a: ShardRecord, b: ShardRecord): boolean => a.index === b.index && a.count === b.count && a.selection.sha256 === b.selection.sha256;

function shown(ids: string[]): string {
  return ids.slice(0, 5).join(', ') + (ids.length > 5 ? `, … (${ids.length} in all)` : '');
}

/** Reads one shard's model folder; problems are added to `problems`. */
function readShardFolder(root: string, dir: string, problems: string[], warn: (m: string) => void): ShardFolder | undefined {
  const m = readManifest(dir);
  if ('problem' in m) {
    problems.push(m.problem);
    return undefined;
  }
  const sharded = m.records.filter((r) => r.shard);
  if (sharded.length === 0) {
    problems.push(`${dir} was not generated with --shard K/N (its manifest records no shard); merge joins shards of one selection`);
    return undefined;
  }
  const shard = sharded[sharded.length - 1]!.shard!;
  const other = m.records.find((r) => !r.shard || !sameShard(r.shard, shard));
  if (other) {
    problems.push(`${dir} mixes runs: its manifest records shard ${formatShard(shard)} and ${other.shard ? `shard ${formatShard(other.shard)} of another selection` : 'an unsharded run'} (${other.started_at})`);
    return undefined;
  }
  // Settings must not change between the runs that wrote the folder (resumes) either.
  const first = modelKey(m.records[0]!.model);
  for (const r of m.records.slice(1)) {
    const d = keyDiffs(first, modelKey(r.model));
    if (d.length > 0) problems.push(`${dir}: its runs used different model settings (${d.join('; ')})`);
  }
  const files = new Map<string, Map<string, string>>();
  for (const rel of resultFilesUnder(dir)) {
    const lines = new Map<string, string>();
    for (const l of readLines(join(dir, rel), warn)) lines.set(l.id, l.text);
    files.set(rel, lines);
  }
  return { root, dir, records: m.records, shard, files };
}

function keyDiffs(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return Object.keys(a)
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k} ${JSON.stringify(a[k])} vs ${JSON.stringify(b[k])}`);
}

function datasetFiles(records: RunRecord[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of records) for (const [f, sha] of Object.entries(r.dataset?.files ?? {})) out.set(f, sha);
  return out;
}

/** Checks one model's shards; returns the merged lines per relative file path, or undefined after adding problems. */
function checkModel(model: string, shards: ShardFolder[], problems: string[], allowMissing: boolean) {
  const before = problems.length;
  const ref = shards[0]!;
  // Within each folder the dataset must not have changed between resumes either.
  for (const s of shards) {
    const seen = new Map<string, string>();
    for (const r of s.records)
      for (const [f, sha] of Object.entries(r.dataset?.files ?? {})) {
        if (seen.has(f) && seen.get(f) !== sha) problems.push(`${s.dir}: dataset file ${f} changed between its runs (sha256 ${seen.get(f)!.slice(0, 12)}… vs ${sha.slice(0, 12)}…)`);
        seen.set(f, sha);
      }
  }
  const refData = datasetFiles(ref.records);
  const refKey = modelKey(ref.records[ref.records.length - 1]!.model);
  for (const s of shards.slice(1)) {
    const d = keyDiffs(refKey, modelKey(s.records[s.records.length - 1]!.model));
    if (d.length > 0) problems.push(`model config differs between ${ref.dir} and ${s.dir}: ${d.join('; ')}`);
    for (const [f, sha] of datasetFiles(s.records)) {
      const other = refData.get(f);
      if (other !== undefined && other !== sha) problems.push(`dataset file ${f} differs between ${ref.dir} (sha256 ${other.slice(0, 12)}…) and ${s.dir} (sha256 ${sha.slice(0, 12)}…): the shards were generated from different dataset versions`);
    }
    if (s.shard.count !== ref.shard.count) problems.push(`${ref.dir} is shard ${formatShard(ref.shard)} but ${s.dir} is shard ${formatShard(s.shard)}: all shards must use the same N`);
    else if (s.shard.selection.sha256 !== ref.shard.selection.sha256)
      problems.push(`${ref.dir} and ${s.dir} were cut from different selections (${ref.shard.selection.count} vs ${s.shard.selection.count} entries, or other ids): run every shard with the same --categories, --ids and --limit`);
  }
  const byIndex = new Map<number, ShardFolder>();
  for (const s of shards) {
    const twin = byIndex.get(s.shard.index);
    if (twin) problems.push(`${twin.dir} and ${s.dir} are both shard ${formatShard(s.shard)}`);
    else byIndex.set(s.shard.index, s);
  }
  if (problems.length > before) return undefined;

  // Lines: each id in exactly one shard, and only in its own.
  const owner = new Map<string, ShardFolder>();
  const merged = new Map<string, Map<string, string>>();
  const overlaps = new Map<string, string[]>();
  let missing = 0;
  for (const s of shards) {
    const mine = new Set(s.shard.ids);
    const outside: string[] = [];
    const present = new Set<string>();
    for (const [rel, lines] of s.files) {
      const target = merged.get(rel) ?? new Map<string, string>();
      merged.set(rel, target);
      for (const [id, text] of lines) {
        const prev = owner.get(id);
        if (prev) {
          const k = `${prev.dir} and ${s.dir}`;
          overlaps.set(k, [...(overlaps.get(k) ?? []), id]);
          continue;
        }
        owner.set(id, s);
        if (!mine.has(id)) outside.push(id);
        present.add(id);
        target.set(id, text);
      }
    }
    if (outside.length > 0) problems.push(`${s.dir} holds lines for ${outside.length} id(s) outside its shard ${formatShard(s.shard)} (${shown(outside)}): the folder mixes runs`);
    const absent = s.shard.ids.filter((id) => !present.has(id));
    if (absent.length > 0 && !allowMissing) problems.push(`${s.dir} (shard ${formatShard(s.shard)}) has no line for ${absent.length} of its ${s.shard.ids.length} ids (${shown(absent)}): resume that shard, or pass --allow-missing`);
    missing += absent.length;
  }
  for (const [where, ids] of overlaps) problems.push(`${ids.length} id(s) have lines in two shards, ${where} (${shown(ids)})`);
  const absentShards = Array.from({ length: ref.shard.count }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
  if (absentShards.length > 0) {
    const have = shards.reduce((n, s) => n + s.shard.ids.length, 0);
    missing += ref.shard.selection.count - have;
    if (!allowMissing) problems.push(`model ${model}: shard(s) ${absentShards.map((k) => `${k}/${ref.shard.count}`).join(', ')} not given (${ref.shard.selection.count - have} entries of the selection); pass every shard's folder, or --allow-missing`);
  } else {
    const union = selectionFingerprint(shards.flatMap((s) => s.shard.ids));
    if (union.sha256 !== ref.shard.selection.sha256) problems.push(`model ${model}: the shards' ids do not add up to the selection they record (${union.count} vs ${ref.shard.selection.count} entries)`);
  }
  if (problems.length > before) return undefined;
  return { merged, missing };
}

/** Model folders (with a manifest or result files) directly under a results root. */
function modelFolders(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter((name) => existsSync(join(root, name, MANIFEST_NAME)) || resultFilesUnder(join(root, name)).length > 0)
    .sort();
}

export function mergeShards(o: MergeOptions): MergeSummary {
  const warn = o.log ?? ((m: string) => process.stderr.write(m + '\n'));
  if (o.shards.length === 0) throw new UserError('name the shard results folders to merge: fcbench merge --out DIR SHARD_DIR…');
  const out = resolve(o.out);
  const roots = o.shards.map((s) => resolve(s));
  const problems: string[] = [];
  for (const [i, r] of roots.entries()) {
    if (!existsSync(r) || !statSync(r).isDirectory()) problems.push(`${o.shards[i]}: not a directory`);
    else if (r === out) problems.push(`--out ${o.out} is also a shard folder; write the merge somewhere else`);
    else if (roots.indexOf(r) !== i) problems.push(`${o.shards[i]} is given twice`);
  }
  if (problems.length > 0) throw new UserError(`cannot merge:\n  ${problems.join('\n  ')}`);

  const byModel = new Map<string, ShardFolder[]>();
  for (const [i, root] of roots.entries()) {
    const models = modelFolders(root);
    if (models.length === 0) problems.push(`${o.shards[i]} holds no model folder with results (expected <model>/run-manifest.json as fcbench generate --results writes it)`);
    for (const model of models) {
      const f = readShardFolder(root, join(root, model), problems, warn);
      if (f) byModel.set(model, [...(byModel.get(model) ?? []), f]);
    }
  }
  const plans: Array<{ model: string; shards: ShardFolder[]; merged: Map<string, Map<string, string>>; missing: number }> = [];
  for (const [model, shards] of byModel) {
    const checked = checkModel(model, shards, problems, o.allowMissing ?? false);
    const versions = [...new Set(shards.flatMap((s) => s.records.map((r) => r.fcbench_version)))];
    if (versions.length > 1) warn(`warning: the shards of ${model} were generated by different fcbench versions (${versions.join(', ')}); requests may have been built differently`);
    if (checked) plans.push({ model, shards, ...checked });
    const target = join(out, model);
    if (existsSync(target) && (existsSync(join(target, MANIFEST_NAME)) || resultFilesUnder(target).length > 0)) problems.push(`--out ${join(o.out, model)} already holds results; merge into an empty folder`);
  }
  if (problems.length > 0) throw new UserError(`cannot merge:\n  ${[...new Set(problems)].join('\n  ')}`);

  const models: MergedModel[] = [];
  for (const p of plans) {
    const dir = join(out, p.model);
    const files: string[] = [];
    let lines = 0;
    let inferenceErrors = 0;
    for (const [rel, byId] of [...p.merged].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const file = join(dir, rel);
      mkdirSync(dirname(file), { recursive: true });
      const ids = [...byId.keys()].sort(compareIds);
      writeFileAtomic(file, ids.map((id) => byId.get(id)! + '\n').join(''));
      files.push(file);
      lines += ids.length;
      for (const id of ids) if (isInferenceErrorLine(parsePyJson(byId.get(id)!) as PyDict)) inferenceErrors++;
    }
    const ref = p.shards[0]!;
    const last = ref.records[ref.records.length - 1]!;
    const shards = [...p.shards].sort((a, b) => a.shard.index - b.shard.index);
    const manifest = join(dir, MANIFEST_NAME);
    const record = {
      command: 'merge',
      fcbench_version: fcbenchVersion(),
      node_version: process.version,
      merged_at: new Date().toISOString(),
      model: last.model,
      dataset: { files: Object.fromEntries([...datasetFiles(shards.flatMap((s) => s.records))].sort()) },
      categories: [...new Set(shards.flatMap((s) => s.records.flatMap((r) => r.categories)))].sort(),
      selection: ref.shard.selection,
      shards: shards.map((s) => ({ folder: s.dir, shard: formatShard(s.shard), ids: s.shard.ids.length })),
      counts: { selected: ref.shard.selection.count, lines, inferenceErrors, missing: p.missing },
    };
    const runs = [...shards.flatMap((s) => s.records.map((r) => ({ ...r, merged_from: s.dir }))), record];
    writeFileAtomic(manifest, JSON.stringify({ fcbench_manifest: 1, runs }, null, 2) + '\n');
    models.push({ model: p.model, shards: shards.map((s) => s.dir), files, manifest, selected: ref.shard.selection.count, lines, inferenceErrors, missing: p.missing });
  }
  const incomplete = models.some((m) => m.missing > 0 || m.inferenceErrors > 0);
  return { models, exitCode: incomplete ? 3 : 0 };
}
