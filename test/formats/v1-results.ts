/** Real BFCL v1 result and score files (../shared/real-results/BFCL-Result) for checking decoders. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePyJson } from '../../src/core/pyjson.js';
import type { PyDict, PyValue } from '../../src/core/pyvalue.js';
import { REAL_RESULTS } from '../fixtures/paths.js';

export interface V1Run {
  /** Stored results in file order. */
  results: PyValue[];
  /** Failing entries of the score file by 1-based line number (v1 score ids). */
  failures: Map<number, PyDict>;
}

/** e.g. v1Run('2024-07-25', 'Salesforce_xLAM-7b-fc-r', 'relevance'). */
export function v1Run(snapshot: string, model: string, category: string): V1Run {
  const base = join(REAL_RESULTS, 'BFCL-Result', snapshot);
  const lines = (f: string): PyDict[] =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => parsePyJson(l) as PyDict);
  const results = lines(join(base, 'result', model, `gorilla_openfunctions_v1_test_${category}_result.json`)).map((d) => d.get('result')!);
  const failures = new Map<number, PyDict>();
  for (const d of lines(join(base, 'score', model, `${category}_score.json`)).slice(1)) failures.set(Number(d.get('id')), d);
  return { results, failures };
}

/** v1's "empty" for relevance (bfcl-spec-v1.md §3.4): not a list of dicts, `[]`, or `[{}]`. */
export function isEmptyV1(decoded: PyValue): boolean {
  if (!Array.isArray(decoded) || decoded.some((c) => !(c !== null && typeof c === 'object' && 'entries' in c))) return true;
  if (decoded.length === 0) return true;
  return decoded.length === 1 && (decoded[0] as PyDict).size === 0;
}
