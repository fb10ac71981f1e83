/**
 * One v1 executable or REST entry (bfcl-spec-v1.md §4.2) on the executable checker of check/exec.
 * Network functions are answered by the registry given (replay, check/v1-replay.ts). REST entries are
 * decided offline only when they fail at the decode stage; otherwise they need the live APIs.
 */
import { checkExecEntry, computeExpected, type DecodedExec, type ExpectedResults } from '../check/exec/checker.js';
import type { Registry } from '../check/exec/registry.js';
import { WrongOutputFormat, type Format } from '../core/format.js';
import type { PyValue } from '../core/pyvalue.js';
import { PyDict } from '../core/pyvalue.js';
import type { V1EntryVerdict } from './v1-entry.js';

export interface V1ExecOutcome {
  verdict: V1EntryVerdict;
  executedOutput?: PyValue;
  executionResult?: PyValue;
  skipped?: { reason: string };
}

function decodeExec(format: Format, result: PyValue): DecodedExec {
  try {
    if (!format.decodeExecute) return { decodeError: `format ${format.name} has no executable decoder` };
    return { calls: format.decodeExecute(result) };
  } catch (e) {
    if (e instanceof WrongOutputFormat) return { calls: e.decoded };
    return { decodeError: e instanceof Error ? e.message : String(e) };
  }
}

const WRONG_FORMAT = 'Did not output in the specified format. Note: the model_result is wrapped in a string to ensure json serializability.';

/** Ground-truth results of one entry, computed once per (dataset, category, index) by the caller's cache. */
export function expectedFor(raw: PyDict, registry: Registry): Promise<ExpectedResults> {
  const gt = raw.get('ground_truth');
  const calls = Array.isArray(gt) ? gt.filter((c): c is string => typeof c === 'string') : [];
  return computeExpected(calls, { registry });
}

export async function scoreExecEntryV1(
  category: string,
  raw: PyDict,
  result: PyValue,
  format: Format,
  registry: Registry,
  expected: ExpectedResults,
): Promise<V1ExecOutcome> {
  const output = decodeExec(format, result);
  if (category.includes('rest')) {
    if ('decodeError' in output) return { verdict: { valid: false, errorType: 'executable_decoder:decoder_failed', errors: [`Failed to decode executable. ${output.decodeError}`], stage: 'decode' } };
    const calls = output.calls;
    if (!Array.isArray(calls) || calls.length !== 1 || typeof calls[0] !== 'string') {
      return { verdict: { valid: false, errorType: 'executable_decoder:rest_wrong_output_format', errors: [WRONG_FORMAT], decoded: calls, stage: 'format' } };
    }
    return { verdict: { valid: false, errors: [] }, skipped: { reason: 'REST: the call must be sent to a live web API' } };
  }
  const types = raw.get('execution_result_type');
  const v = await checkExecEntry({
    category,
    output,
    resultTypes: Array.isArray(types) ? types.map(String) : [],
    expected,
    registry,
  });
  const decoded = 'calls' in output ? output.calls : undefined;
  const stage = v.valid ? undefined : v.errorType === 'executable_decoder:decoder_failed' ? 'decode' : v.errorType === 'executable_decoder:wrong_output_format' ? 'format' : 'check';
  const verdict: V1EntryVerdict = { valid: v.valid, errors: v.errors, ...(v.errorType ? { errorType: v.errorType } : {}), ...(decoded !== undefined ? { decoded } : {}), ...(stage ? { stage } : {}) };
  const out: V1ExecOutcome = { verdict };
  if (v.skipped) out.skipped = { reason: v.errors.join(' ') };
  if (v.modelExecutedOutput !== undefined) out.executedOutput = v.modelExecutedOutput;
  if (v.expected) out.executionResult = v.expected;
  return out;
}

export { PyDict };
