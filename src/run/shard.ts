/**
 * `--shard K/N`: one of N deterministic, disjoint parts of a generate selection, so N machines can
 * each generate one part into their own results folder and `fcbench merge` can join them.
 *
 * Assignment: the selected entries (after --categories, --ids, --limit) are put in BFCL's
 * result-file order (bfcl-spec §13.1 sort key, `compareIds`) and entry i (0-based) goes to shard
 * (i mod N) + 1. Every entry is in exactly one shard, shard sizes differ by at most one, and each
 * category is spread evenly over the shards. The assignment depends only on the selection, which is
 * why the manifest records a fingerprint of the whole selection (count + sha256 of its ids in
 * order): merge refuses shards whose selections differ, and checks that the union of the shards'
 * ids is the selection.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { Case } from '../core/types.js';
import { compareIds } from '../data/categories.js';

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

/** What a sharded run records in its manifest record (`shard`). */
export interface ShardRecord {
  index: number;
  count: number;
  /** The whole selection the shards are cut from. */
  selection: { count: number; sha256: string };
  /** This shard's entry ids, in BFCL order. */
  ids: string[];
}

/** Parses `K/N` (1 ≤ K ≤ N); a bad value is a UserError naming the flag. */
export function parseShard(text: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UserError(`--shard must look like K/N, e.g. --shard 2/4 for the second of four parts (got "${text}")`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new UserError(`--shard ${text}: K must be between 1 and N, and N at least 1`);
  return { index, count };
}

export function formatShard(s: Pick<ShardSpec, 'index' | 'count'>): string {
  return `${s.index}/${s.count}`;
}

/** Count and sha256 of ids in BFCL order, one per line. */
export function selectionFingerprint(ids: Iterable<string>): { count: number; sha256: string } {
  const sorted = [...ids].sort(compareIds);
  return { count: sorted.length, sha256: createHash('sha256').update(sorted.join('\n')).digest('hex') };
}

/** The shard's ids: every N-th entry of the selection in BFCL order, starting at the K-th. */
export function shardIds(allIds: Iterable<string>, spec: ShardSpec): string[] {
  return [...allIds].sort(compareIds).filter((_, i) => i % spec.count === spec.index - 1);
}

/** Keeps only the shard's cases in each category (categories stay, possibly empty) and describes the shard. */
export function applyShard(selected: Map<string, Case[]>, spec: ShardSpec): { selected: Map<string, Case[]>; record: ShardRecord } {
  const all = [...selected.values()].flat().map((c) => c.id);
  const ids = shardIds(all, spec);
  const mine = new Set(ids);
  const out = new Map<string, Case[]>();
  for (const [cat, cases] of selected) out.set(cat, cases.filter((c) => mine.has(c.id)));
  return { selected: out, record: { index: spec.index, count: spec.count, selection: selectionFingerprint(all), ids } };
}

/**
 * Refuses to write a shard into a results folder whose last writing run was another shard, another
 * selection, or not sharded (and the reverse): the result files would hold two runs' entries and
 * could not be merged.
 */
export function checkShardFolder(manifestFile: string, now: ShardRecord | undefined): void {
  if (!existsSync(manifestFile)) return;
  let runs: Array<{ command?: string; shard?: ShardRecord; counts?: { generated?: number } }>;
  try {
    runs = (JSON.parse(readFileSync(manifestFile, 'utf8')) as { runs?: typeof runs }).runs ?? [];
  } catch {
    return;
  }
  const last = [...runs].reverse().find((r) => r && typeof r === 'object' && (r.command === 'merge' || (r.counts?.generated ?? 0) > 0));
  if (!last) return;
  // A merged folder (fcbench merge) holds the whole selection, like an unsharded run.
  const before = last.command === 'merge' ? undefined : last.shard;
  const what = (s: ShardRecord | undefined): string => (s ? `shard ${formatShard(s)} of a ${s.selection.count}-entry selection` : 'an unsharded run');
  const same = before === undefined ? now === undefined : now !== undefined && before.index === now.index && before.count === now.count && before.selection.sha256 === now.selection.sha256;
  if (same) return;
  throw new UserError(
    `the results beside ${manifestFile} were written by ${what(before)}, and this run is ${what(now)}` +
      (before && now && before.selection.sha256 !== now.selection.sha256 ? ' (the selections differ: other categories, --ids or --limit, or other data)' : '') +
      '. Give each shard its own --results folder.',
  );
}
