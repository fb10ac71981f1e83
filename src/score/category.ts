/** A category's score file (BFCL §13.2): a header line, then one line per failed entry. */
import { PyDict, PyFloat, type PyValue } from '../core/pyvalue.js';
import type { Case, PossibleAnswer } from '../core/types.js';
import type { EntryVerdict, EvalKind } from './entry.js';

export interface ScoredEntry {
  id: string;
  testCase: Case;
  answer?: PossibleAnswer;
  result: PyValue;
  verdict: EntryVerdict;
  /** The result line records an endpoint failure, not a model answer (fcbench keeps these apart). */
  inferenceError?: boolean;
}

export interface CategoryScore {
  category: string;
  accuracy: number;
  correct: number;
  total: number;
  /** Every entry id scored (skipped ones included), in entry order. */
  ids: string[];
  /** Failed entries, in entry order. */
  failures: ScoredEntry[];
  /** How many failures are decoder failures (the output could not be parsed). */
  decodeFailures: number;
  inferenceErrors: number;
  /** Entries that could not be decided (executable entries needing the network): not in `total`. */
  skipped: number;
  /** Present when only some of the category's entries were scored. */
  evaluatedIds?: string[];
}

export function scoreCategory(category: string, entries: ScoredEntry[], datasetSize: number): CategoryScore {
  const failures = entries.filter((e) => !e.verdict.valid);
  const skipped = entries.filter((e) => e.verdict.skipped).length;
  const total = entries.length - skipped;
  const correct = entries.length - failures.length;
  const score: CategoryScore = {
    category,
    accuracy: total === 0 ? 0 : correct / total,
    correct,
    total,
    ids: entries.map((e) => e.id),
    failures,
    decodeFailures: failures.filter((f) => /^(ast_decoder|executable_decoder):/.test(f.verdict.errorType ?? '') || f.verdict.errorType === 'relevance_error:decoder_failed').length,
    inferenceErrors: failures.filter((f) => f.inferenceError).length,
    skipped,
  };
  if (total !== datasetSize) score.evaluatedIds = entries.filter((e) => !e.verdict.skipped).map((e) => e.id);
  return score;
}

/** The header line object. `accuracy` is a Python float, as BFCL writes it. */
export function scoreHeader(s: CategoryScore): PyDict {
  const h = new PyDict([
    ['accuracy', new PyFloat(s.accuracy)],
    ['correct_count', s.correct],
    ['total_count', s.total],
  ]);
  if (s.skipped) h.set('skipped_count', s.skipped);
  if (s.evaluatedIds) h.set('ids', s.evaluatedIds);
  return h;
}

/** One failure line, shaped like BFCL's for the evaluation kind. */
export function failureLine(model: string, category: string, kind: EvalKind, e: ScoredEntry): PyDict {
  const v = e.verdict;
  const line = new PyDict([
    ['id', e.id],
    ['model_name', model],
    ['test_category', category],
    ['valid', false],
  ]);
  if (kind === 'relevance') {
    line.set('prompt', e.testCase.raw);
    line.set('model_result', e.result);
    line.set('decoded_result', v.decoded ?? null);
    line.set('error', v.errors);
    line.set('error_type', v.errorType ?? null);
  } else {
    line.set('error', v.errors);
    line.set('error_type', v.errorType ?? null);
    line.set('prompt', e.testCase.raw);
    line.set('model_result_raw', e.result);
    if (v.decoded !== undefined) line.set('model_result_decoded', v.decoded);
    line.set('possible_answer', e.answer?.raw.get('ground_truth') ?? null);
  }
  if (v.skipped) line.set('skipped', true);
  if (e.inferenceError) line.set('inference_error', true);
  return line;
}
