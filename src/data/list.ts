/** `fcbench data list`: each category with its group, evaluation kind and entry count. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, isMemory, isWebSearch, type CategoryInfo } from './categories.js';
import type { Manifest } from './manifest.js';

export interface CategoryCount {
  info: CategoryInfo;
  /** Entries in the question file (format_sensitivity: ids listed); undefined when unknown. */
  entries: number | undefined;
  /** Where the count came from. */
  from: 'data' | 'manifest' | 'missing';
}

/** Entries of a question file as found on disk: non-empty lines, or ids of the one-object file. */
function countOnDisk(path: string, info: CategoryInfo): number {
  const text = readFileSync(path, 'utf8');
  if (info.group === 'format_sensitivity') {
    const doc = JSON.parse(text) as Record<string, unknown>;
    return Object.values(doc).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
  }
  let n = 0;
  for (const line of text.split('\n')) if (line.trim() !== '') n++;
  return n;
}

/**
 * Counts from `dataDir` when it exists (a file absent there is `missing`), otherwise from the manifest.
 * Web search and memory categories share one file each, so they report that file's count.
 */
export function categoryCounts(dataDir: string | undefined, manifest: Manifest): CategoryCount[] {
  const useData = dataDir !== undefined && existsSync(dataDir);
  const byPath = new Map(manifest.files.map((f) => [f.path, f]));
  return CATEGORIES.map((info) => {
    if (useData) {
      const p = join(dataDir, ...info.file.split('/'));
      if (!existsSync(p)) return { info, entries: undefined, from: 'missing' as const };
      try {
        return { info, entries: countOnDisk(p, info), from: 'data' as const };
      } catch {
        return { info, entries: undefined, from: 'missing' as const };
      }
    }
    return { info, entries: byPath.get(info.file)?.entries, from: 'manifest' as const };
  });
}

/** Plain-text table for the terminal. */
export function formatCategoryTable(rows: readonly CategoryCount[]): string {
  const head = ['category', 'group', 'kind', 'language', 'entries'];
  const body = rows.map((r) => {
    const shared = isWebSearch(r.info.name) || (r.info.kind === 'agentic' && isMemory(r.info.name)) ? ' (shared file)' : '';
    const fs = r.info.group === 'format_sensitivity' && r.entries !== undefined ? ` ids (x26 configs = ${r.entries * 26})` : '';
    const n = r.entries === undefined ? 'missing' : `${r.entries}${fs}${shared}`;
    return [r.info.name, r.info.group, r.info.kind, r.info.language, n + (r.info.scoring ? '' : ' [not scored]')];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...body.map(fmt)].join('\n');
}
