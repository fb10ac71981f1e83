/**
 * The executable checker (bfcl-spec.md §7.2–§7.3): run the model's calls and compare their results
 * with the results of the ground-truth calls.
 *
 *   const expected = await computeExpected(groundTruth, opts);           // once per entry
 *   const verdict = await checkExecEntry({ category, output, resultTypes, expected, ...opts });
 *
 * Count and order rules: a category whose name contains "multiple" or "parallel" is checked
 * without order (counts must match, greedy first fit per expected call); otherwise exactly one call.
 * Entries whose expected results need a live API without a recording come back as
 * `{ skipped: true, errorType: 'exec:needs_network' }` — leave them out of accuracy.
 */
import type { PyValue } from '../../core/pyvalue.js';
import type { Verdict } from '../../core/types.js';
import { executeCall, type ExecOptions, type ExecOutcome } from './execute.js';
import { matchResult, type MatchOutcome } from './match.js';
import { PyDict } from '../../core/pyvalue.js';
import { pyRepr } from '../../core/pyrepr.js';

const pyReprStr = (s: string): string => pyRepr(s);

/** A verdict of the executable checker. */
export interface ExecVerdict extends Verdict {
  /** The entry could not be checked offline (needs network, no recording): not counted in accuracy. */
  skipped?: true;
  /** BFCL's full `error` list, which for no-order checks holds dicts as well as strings (score files). */
  errorList?: PyValue[];
  /** BFCL's `model_executed_output` (single-call mismatches). */
  modelExecutedOutput?: PyValue;
  /** The expected results used (BFCL prints them as `prompt.execution_result`). */
  expected?: PyValue[];
}

/** What the format's decode_execute gave: a value (normally a list of call strings) or a failure. */
export type DecodedExec = { calls: PyValue } | { decodeError: string };

/** Results of the ground-truth calls, or why there are none. */
export type ExpectedResults =
  | { ok: true; results: PyValue[] }
  | { ok: false; needsNetwork: true; reason: string }
  | { ok: false; needsNetwork?: false; reason: string };

export type ExecCategoryKind = 'simple' | 'no_order' | 'rest';

/** BFCL's routing by category name. */
export function execCategoryKind(category: string): ExecCategoryKind {
  if (category.includes('rest')) return 'rest';
  if (category.includes('multiple') || category.includes('parallel')) return 'no_order';
  return 'simple';
}

/** Execute every ground-truth call (BFCL computes expected results at evaluation time). */
export async function computeExpected(groundTruth: readonly string[], opts: ExecOptions): Promise<ExpectedResults> {
  const results: PyValue[] = [];
  for (const gt of groundTruth) {
    const r = await executeCall(gt, opts);
    if (!r.ok) {
      if (r.needsNetwork) return { ok: false, needsNetwork: true, reason: `ground truth ${gt} ${r.error}` };
      return { ok: false, reason: `ground truth ${gt} failed: ${r.error}` };
    }
    results.push(r.value);
  }
  return { ok: true, results };
}

export interface CheckExecInput extends ExecOptions {
  category: string;
  output: DecodedExec;
  /** `execution_result_type` of the entry, one per ground-truth call. */
  resultTypes: readonly string[];
  expected: ExpectedResults;
}

const WRONG_FORMAT = 'Did not output in the specified format. Note: the model_result is wrapped in a string to ensure json serializability.';

export function needsNetworkVerdict(reason: string): ExecVerdict {
  return { valid: false, skipped: true, errorType: 'exec:needs_network', errors: [reason] };
}

function fail(errorType: string, error: string, extra: Partial<ExecVerdict> = {}): ExecVerdict {
  return { valid: false, errorType, errors: [error], ...extra };
}

/** Non-REST format rule: a non-empty list of strings. */
export function isExecutableFormat(v: PyValue): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
}

/** Check one non-REST exec entry. Never throws. */
export async function checkExecEntry(input: CheckExecInput): Promise<ExecVerdict> {
  if ('decodeError' in input.output) return fail('executable_decoder:decoder_failed', `Failed to decode executable. ${input.output.decodeError}`);
  const calls = input.output.calls;
  if (!isExecutableFormat(calls)) return fail('executable_decoder:wrong_output_format', WRONG_FORMAT);
  if (!input.expected.ok) {
    if (input.expected.needsNetwork) return needsNetworkVerdict(input.expected.reason);
    return fail('executable_checker:ground_truth_error', input.expected.reason);
  }
  const expected = input.expected.results;
  const withExpected = (v: ExecVerdict): ExecVerdict => ({ ...v, expected });
  const cache = new Map<number, ExecOutcome>();
  let networkMissing: string | undefined;
  const run = async (index: number): Promise<ExecOutcome> => {
    let r = cache.get(index);
    if (!r) {
      r = await executeCall(calls[index]!, input);
      if (!r.ok && r.needsNetwork) networkMissing ??= r.error;
      cache.set(index, r);
    }
    return r;
  };
  const checkOne = async (index: number, i: number): Promise<MatchOutcome> => {
    const r = await run(index);
    if (!r.ok) return { valid: false, errorType: 'executable_checker:execution_error', error: `Error in execution: ${pyReprStr(calls[index]!)}. Error: ${r.error}` };
    return matchResult(r.value, expected[i]!, input.resultTypes[i] ?? 'exact_match', calls[index]!);
  };

  let verdict: ExecVerdict;
  if (execCategoryKind(input.category) === 'no_order') {
    verdict = await checkNoOrder(calls.length, expected.length, checkOne);
  } else if (calls.length !== 1) {
    verdict = fail('simple_exec_checker:wrong_count', 'Wrong number of functions.');
  } else {
    const m = await checkOne(0, 0);
    verdict = m.valid ? { valid: true, errors: [] } : fail(m.errorType!, m.error!, 'modelExecutedOutput' in m ? { modelExecutedOutput: m.modelExecutedOutput! } : {});
  }
  // A model call that needs an unrecorded web API makes the verdict unknowable offline.
  if (networkMissing !== undefined) return withExpected(needsNetworkVerdict(`model call ${networkMissing}`));
  return withExpected(verdict);
}

/** BFCL `executable_checker_parallel_no_order`: counts, then greedy first fit per expected call. */
async function checkNoOrder(nModel: number, nExpected: number, checkOne: (index: number, i: number) => Promise<MatchOutcome>): Promise<ExecVerdict> {
  if (nModel !== nExpected) return fail('value_error:exec_result_count', `Wrong number of functions provided. Expected ${nExpected}, but got ${nModel}.`);
  const matched = new Set<number>();
  for (let i = 0; i < nExpected; i++) {
    const subErrors: PyValue[] = [];
    let found = false;
    for (let index = 0; index < nModel; index++) {
      if (matched.has(index)) continue;
      const m = await checkOne(index, i);
      if (m.valid) {
        matched.add(index);
        found = true;
        break;
      }
      subErrors.push(
        PyDict.fromObject({
          [`Model Result Index ${index}`]: PyDict.fromObject({
            sub_error: [m.error ?? ''],
            sub_error_type: m.errorType ?? 'executable_checker:unclear',
            model_executed_output: m.modelExecutedOutput === undefined ? null : m.modelExecutedOutput,
          }),
        }),
      );
    }
    if (!found) {
      const considered = [...Array(nModel).keys()].filter((k) => !matched.has(k));
      const head = `Could not find a matching function among index [${considered.join(', ')}] of model output for index ${i} of possible answers.`;
      return { valid: false, errorType: 'executable_checker:cannot_find_match', errors: [head], errorList: [head, ...subErrors] };
    }
  }
  return { valid: true, errors: [] };
}




/** Counts for a score-file header: needs-network entries are neither correct nor in `total`. */
export function execCounts(verdicts: readonly ExecVerdict[]): { correct: number; total: number; skipped: number } {
  let correct = 0;
  let skipped = 0;
  for (const v of verdicts) {
    if (v.skipped) skipped++;
    else if (v.valid) correct++;
  }
  return { correct, total: verdicts.length - skipped, skipped };
}
