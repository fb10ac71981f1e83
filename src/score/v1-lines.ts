/**
 * BFCL v1 score files (bfcl-spec-v1.md §2.3): a header `{accuracy, correct_count, total_count}`, then one
 * line per failed entry whose `id` is the 1-based line position. Written without a trailing newline.
 * fcbench addition: entries it cannot decide offline are listed with `"skipped": true` and left out of
 * the counts.
 */
import { dumpsPyJson } from '../core/pyjson.js';
import { pyStr } from '../core/pyrepr.js';
import { PyDict, PyFloat, type PyValue } from '../core/pyvalue.js';
import type { V1EntryVerdict } from './v1-entry.js';

export type V1LineKind = 'ast' | 'relevance' | 'exec' | 'rest';

export interface V1ScoredEntry {
  /** 0-based line index. */
  index: number;
  /** The question entry as stored (the score line's `prompt`). */
  prompt: PyDict;
  result: PyValue;
  verdict: V1EntryVerdict;
  possibleAnswer?: PyValue;
  /** Exec: the results of the model's calls, when produced. */
  executedOutput?: PyValue;
  /** Exec: the ground-truth results used (BFCL puts them into the prompt as `execution_result`). */
  executionResult?: PyValue;
  /** Not decidable offline (network); not counted. */
  skipped?: { reason: string };
}

export interface V1CategoryScore {
  category: string;
  correct: number;
  total: number;
  accuracy: number;
  failures: V1ScoredEntry[];
  skipped: V1ScoredEntry[];
}

export function scoreCategoryV1(category: string, entries: readonly V1ScoredEntry[]): V1CategoryScore {
  const skipped = entries.filter((e) => e.skipped);
  const counted = entries.filter((e) => !e.skipped);
  const failures = counted.filter((e) => !e.verdict.valid);
  const total = counted.length;
  const correct = total - failures.length;
  return { category, correct, total, accuracy: total === 0 ? 0 : correct / total, failures, skipped };
}

function withExecutionResult(prompt: PyDict, executionResult: PyValue | undefined): PyDict {
  if (executionResult === undefined) return prompt;
  const p = new PyDict(prompt.entries());
  p.set('execution_result', executionResult);
  return p;
}

/** One failure line in the shape BFCL v1 wrote for its stage and category kind. */
export function failureLineV1(model: string, category: string, kind: V1LineKind, e: V1ScoredEntry): PyDict {
  const v = e.verdict;
  const line = new PyDict([
    ['id', e.index + 1],
    ['model_name', model],
    ['test_category', category],
    ['valid', false],
    ['error', v.errors],
    ['error_type', v.errorType ?? null],
  ]);
  if (kind === 'relevance') {
    line.set('model_result', e.result);
    line.set('decoded_result', v.decoded ?? null);
    return line;
  }
  const prompt = kind === 'exec' && v.stage === 'check' ? withExecutionResult(e.prompt, e.executionResult) : e.prompt;
  line.set('prompt', prompt);
  if (v.stage === 'format') {
    // BFCL: both renderings are Python str() so that the line is JSON-serialisable.
    line.set('model_result_raw', pyStr(e.result));
    line.set('model_result_decoded', pyStr(v.decoded ?? null));
  } else {
    line.set('model_result_raw', e.result);
    if (v.stage === 'check') line.set('model_result_decoded', v.decoded ?? null);
  }
  if (kind === 'ast') line.set('possible_answer', e.possibleAnswer ?? null);
  if (kind !== 'ast' && e.executedOutput !== undefined) line.set('model_executed_output', e.executedOutput);
  return line;
}

function skippedLine(model: string, category: string, e: V1ScoredEntry): PyDict {
  return new PyDict([
    ['id', e.index + 1],
    ['model_name', model],
    ['test_category', category],
    ['skipped', true],
    ['reason', e.skipped?.reason ?? ''],
  ]);
}

/**
 * `json.dumps` of the question entries and possible answers, per (loaded once, never modified) object: the
 * same question goes into the failure line of every model that failed it, and its function docs are most of
 * a score file's bytes.
 */
const sharedText = new WeakMap<object, string>();
const SHARED_KEYS = new Set<PyValue>(['prompt', 'possible_answer']);

/** `json.dumps(line)` with the `prompt` and `possible_answer` values taken from the per-object cache. Same text as dumpsPyJson(line). */
function dumpLineCached(line: PyDict): string {
  const parts: string[] = [];
  for (const [k, v] of line.entries()) {
    let text: string | undefined;
    if (SHARED_KEYS.has(k) && (v instanceof PyDict || Array.isArray(v))) {
      text = sharedText.get(v);
      if (text === undefined) sharedText.set(v, (text = dumpsPyJson(v)));
    } else text = dumpsPyJson(v);
    parts.push(`${dumpsPyJson(k)}: ${text}`);
  }
  return parts.length ? `{${parts.join(', ')}}` : '{}';
}

function dumpLine(line: PyDict): string {
  try {
    return dumpLineCached(line);
  } catch {
    return dumpsPyJson(new PyDict(line.entries().map(([k, v]) => [k, safe(v)] as [PyValue, PyValue])));
  }
}

function safe(v: PyValue): PyValue {
  try {
    dumpsPyJson(v);
    return v;
  } catch {
    return pyStr(v);
  }
}

/** The whole score file text (no trailing newline, as BFCL v1 wrote it). */
export function scoreFileTextV1(model: string, category: string, kind: V1LineKind, s: V1CategoryScore): string {
  const header = new PyDict([
    ['accuracy', new PyFloat(s.accuracy)],
    ['correct_count', s.correct],
    ['total_count', s.total],
  ]);
  if (s.skipped.length > 0) header.set('skipped_count', s.skipped.length);
  const rows = [...s.failures.map((e) => ({ i: e.index, line: failureLineV1(model, category, kind, e) })), ...s.skipped.map((e) => ({ i: e.index, line: skippedLine(model, category, e) }))];
  rows.sort((a, b) => a.i - b.i);
  return [dumpLine(header), ...rows.map((r) => dumpLine(r.line))].join('\n');
}
