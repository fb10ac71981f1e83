/** Scoring the entries of one v1 (model, category) pair, AST and relevance kinds (pure; exec is injected). */
import type { Format } from '../core/format.js';
import type { PyValue } from '../core/pyvalue.js';
import type { V1CategoryInfo, V1Entry } from '../data/v1-files.js';
import { scoreAstEntryV1, scoreRelevanceEntryV1, type V1Revision } from './v1-entry.js';
import type { V1ScoredEntry } from './v1-lines.js';

/** Scores one executable / REST entry (see check/exec); returns undefined → not handled. */
export type V1ExecScorer = (entry: V1Entry, index: number, result: PyValue) => Omit<V1ScoredEntry, 'index' | 'prompt' | 'result'>;

/**
 * Pair result line i with entry i (BFCL v1 pairs by index; the runner required equal lengths) and score
 * each. A missing result line scores like an empty answer would not: it is reported by the caller and
 * the pair is scored on the lines present.
 */
export function scoreEntriesV1(
  info: V1CategoryInfo,
  entries: readonly V1Entry[],
  results: readonly PyValue[],
  format: Format,
  revision: V1Revision,
  exec?: V1ExecScorer,
): V1ScoredEntry[] {
  const n = Math.min(entries.length, results.length);
  const out: V1ScoredEntry[] = [];
  for (let i = 0; i < n; i++) {
    const entry = entries[i]!;
    const result = results[i]!;
    const base = { index: i, prompt: entry.testCase.raw, result };
    if (info.kind === 'relevance') {
      out.push({ ...base, verdict: scoreRelevanceEntryV1(result, format) });
    } else if (info.kind === 'ast') {
      const verdict = scoreAstEntryV1({
        category: info.name,
        language: info.language,
        functions: entry.testCase.functions,
        expected: entry.expected ?? [],
        result,
        format,
        revision,
      });
      out.push({ ...base, verdict, possibleAnswer: entry.possibleAnswer });
    } else if (exec) {
      out.push({ ...base, ...exec(entry, i, result) });
    }
  }
  return out;
}
