/**
 * BFCL v1 (2024) specifics for the exec tests — kept out of src/: file names, 1-based score-file ids,
 * pairing by line index, and which decoder each stored model folder needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecodeError } from '../../../src/core/format.js';
import { parsePyJson } from '../../../src/core/pyjson.js';
import { PyDict, type PyValue } from '../../../src/core/pyvalue.js';
import type { DecodedExec } from '../../../src/check/exec/checker.js';
import { decodeXlamExecute } from '../../../src/decode/xlam-json.js';
import { toolCallsToExecute } from '../../../src/decode/tool-calls.js';
import { REAL_RESULTS } from '../../fixtures/paths.js';

export const RUN_0811 = join(REAL_RESULTS, 'BFCL-Result', '2024-08-11');
export const DATA_0811 = join(REAL_RESULTS, 'gorilla', 'main_de8307b4', 'berkeley-function-call-leaderboard', 'data');

export const V1_EXEC_CATEGORIES = [
  'executable_simple',
  'executable_multiple_function',
  'executable_parallel_function',
  'executable_parallel_multiple_function',
] as const;

export interface V1ExecEntry {
  id: string;
  groundTruth: string[];
  resultTypes: string[];
}

function lines(file: string): PyValue[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => parsePyJson(l));
}

const str = (d: PyValue, k: string): PyValue => (d instanceof PyDict ? (d.get(k) ?? null) : null);

export function loadV1ExecEntries(category: string, dataDir = DATA_0811): V1ExecEntry[] {
  return lines(join(dataDir, `gorilla_openfunctions_v1_test_${category}.json`)).map((d) => ({
    id: str(d, 'id') as string,
    groundTruth: str(d, 'ground_truth') as string[],
    resultTypes: str(d, 'execution_result_type') as string[],
  }));
}

export interface OfficialFailure {
  /** 0-based entry index (the score file's id is 1-based). */
  index: number;
  errorType: string;
  record: PyDict;
}

export interface OfficialScore {
  correct: number;
  total: number;
  failures: Map<number, OfficialFailure>;
}

export function loadOfficialScore(model: string, category: string, run = RUN_0811): OfficialScore {
  const [head, ...rest] = lines(join(run, 'score', model, `${category}_score.json`));
  const failures = new Map<number, OfficialFailure>();
  for (const r of rest) {
    const index = (str(r, 'id') as number) - 1; // v1 quirk: 1-based line position
    failures.set(index, { index, errorType: str(r, 'error_type') as string, record: r as PyDict });
  }
  return { correct: str(head!, 'correct_count') as number, total: str(head!, 'total_count') as number, failures };
}

export function loadResults(model: string, category: string, run = RUN_0811): PyValue[] {
  return lines(join(run, 'result', model, `gorilla_openfunctions_v1_test_${category}_result.json`)).map((d) => str(d, 'result'));
}

/** decode_execute per model family (bfcl-spec-v1.md §5.2): xLAM (F18) and JSON-args FC models (F2). */
export type V1Decoder = (result: PyValue) => DecodedExec;

const wrap = (f: (r: PyValue) => PyValue): V1Decoder => (r) => {
  try {
    return { calls: f(r) };
  } catch (e) {
    if (e instanceof DecodeError) return { decodeError: e.message };
    throw e;
  }
};

export const XLAM_DECODER = wrap((r) => decodeXlamExecute(r));
export const FC_DECODER = wrap((r) => toolCallsToExecute(r));

export const V1_MODELS: Array<{ model: string; decoder: V1Decoder }> = [
  { model: 'Salesforce_xLAM-7b-fc-r', decoder: XLAM_DECODER },
  { model: 'Salesforce_xLAM-1b-fc-r', decoder: XLAM_DECODER },
  ...[
    'gpt-4-0125-preview-FC',
    'gpt-4o-2024-05-13-FC',
    'gpt-4o-mini-2024-07-18-FC',
    'gpt-3.5-turbo-0125-FC',
    'claude-3-5-sonnet-20240620-FC',
    'meetkai_functionary-medium-v3.1-FC',
    'firefunction-v2-FC',
    'mistral-large-2407-FC-Any',
  ].map((model) => ({ model, decoder: FC_DECODER })),
].filter((m) => existsSync(join(RUN_0811, 'result', m.model)));

/** Every `prompt.execution_result` recorded in failure records of a run: entry index → results (most frequent). */
export function recordedExecutionResults(category: string, run = RUN_0811): Map<number, PyValue[]> {
  const votes = new Map<number, Map<string, { n: number; v: PyValue[] }>>();
  const scoreDir = join(run, 'score');
  for (const model of readdirSafe(scoreDir)) {
    const f = join(scoreDir, model, `${category}_score.json`);
    if (!existsSync(f)) continue;
    for (const r of lines(f).slice(1)) {
      const prompt = str(r, 'prompt');
      const er = str(prompt, 'execution_result');
      if (!Array.isArray(er)) continue;
      const index = (str(r, 'id') as number) - 1;
      const key = JSON.stringify(er, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      const m = votes.get(index) ?? new Map();
      const e = m.get(key) ?? { n: 0, v: er };
      e.n++;
      m.set(key, e);
      votes.set(index, m);
    }
  }
  const out = new Map<number, PyValue[]>();
  for (const [index, m] of votes) out.set(index, [...m.values()].sort((a, b) => b.n - a.n)[0]!.v);
  return out;
}

import { readdirSync } from 'node:fs';
function readdirSafe(d: string): string[] {
  return existsSync(d) ? readdirSync(d) : [];
}
