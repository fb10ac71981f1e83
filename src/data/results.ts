/**
 * Reading BFCL-layout result files (§13.1): one JSON line per entry id. Tolerant: a torn last line,
 * non-JSON lines, lines without a string id and duplicated ids are reported as problems and the
 * rest is kept (for a duplicated id the last line wins, as a resumed or upserted run intends).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { PyDict, PyFloat, type PyValue } from '../core/pyvalue.js';
import { groupOf } from './categories.js';
import { readJsonl, type JsonlProblem } from './jsonl.js';

export interface ResultLine {
  id: string;
  result: PyValue;
  /** Seconds; present when the line holds a single number (multi-turn lines hold nested lists). */
  latency?: number;
  inputTokens?: number;
  outputTokens?: number;
  /** 1-based line number in the file. */
  line: number;
  raw: PyDict;
}

export interface ResultFileRead {
  entries: Map<string, ResultLine>;
  problems: JsonlProblem[];
}

function num(v: PyValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyFloat) return v.value;
  return undefined;
}

export function readResultFile(path: string): ResultFileRead {
  if (!existsSync(path)) throw new UserError(`result file ${path} does not exist. Run 'fcbench generate' first, or check --results.`);
  const { lines, problems } = readJsonl(path);
  const entries = new Map<string, ResultLine>();
  for (const { line, value } of lines) {
    if (!(value instanceof PyDict)) {
      problems.push({ file: path, line, message: 'a result line must be a JSON object' });
      continue;
    }
    const id = value.get('id');
    if (typeof id !== 'string') {
      problems.push({ file: path, line, message: 'result line has no string "id"' });
      continue;
    }
    if (!value.has('result')) {
      problems.push({ file: path, line, message: `result line for ${id} has no "result"` });
      continue;
    }
    const prev = entries.get(id);
    if (prev) problems.push({ file: path, line, message: `duplicate id ${id} (also on line ${prev.line}); the later line is used` });
    const entry: ResultLine = { id, result: value.get('result')!, line, raw: value };
    const latency = num(value.get('latency'));
    if (latency !== undefined) entry.latency = latency;
    const input = num(value.get('input_token_count'));
    if (input !== undefined) entry.inputTokens = input;
    const output = num(value.get('output_token_count'));
    if (output !== undefined) entry.outputTokens = output;
    // Re-insert so the map's order is the order of the lines that count.
    entries.delete(id);
    entries.set(id, entry);
  }
  problems.sort((a, b) => a.line - b.line);
  return { entries, problems };
}

export interface FoundResultFile {
  /** The model folder name (BFCL's model_dir: registry name with '/' → '_'). */
  model: string;
  /** The folder below the model folder (non_live, live, …), or the category's group for flat layouts. */
  group: string;
  category: string;
  path: string;
}

const RESULT_FILE = /^BFCL_v4_(.+)_result\.json$/;

function walkResults(dir: string, model: string, group: string | undefined, out: FoundResultFile[]): void {
  for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, d.name);
    if (d.isDirectory()) walkResults(p, model, group ?? d.name, out);
    else {
      const m = RESULT_FILE.exec(d.name);
      if (m) out.push({ model, group: group ?? groupOf(m[1]!), category: m[1]!, path: p });
    }
  }
}

/**
 * Every `DIR/<model>/<group>/BFCL_v4_<category>_result.json` (also `DIR/<model>/BFCL_v4_<category>_result.json`
 * and deeper folders such as agentic/memory/kv/), sorted by model then path.
 */
export function findResultFiles(resultsDir: string): FoundResultFile[] {
  if (!existsSync(resultsDir) || !statSync(resultsDir).isDirectory()) {
    throw new UserError(`results folder ${resultsDir} does not exist. Pass --results DIR pointing at a folder with <model>/<group>/BFCL_v4_<category>_result.json files.`);
  }
  const out: FoundResultFile[] = [];
  for (const d of readdirSync(resultsDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (d.isDirectory()) walkResults(join(resultsDir, d.name), d.name, undefined, out);
  }
  return out;
}
