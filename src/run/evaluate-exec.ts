/**
 * Executable categories in `fcbench evaluate` (bfcl-spec.md §7): expected results come from running
 * the ground-truth calls now, as BFCL did; the model's calls are decoded with the format's
 * decode_execute and dispatched to the function registry (never evaluated as text). Entries that need
 * a live API without a recording are marked skipped and left out of the accuracy.
 */
import { checkExecEntry, computeExpected, type DecodedExec, type ExecVerdict, type ExpectedResults } from '../check/exec/checker.js';
import { HttpLayer, httpConfigFromEnv, loadCassetteFile } from '../check/exec/http.js';
import { bfclRegistry } from '../check/exec/library.js';
import type { Registry } from '../check/exec/registry.js';
import { checkRestEntry } from '../check/exec/rest.js';
import { WrongOutputFormat, type Format } from '../core/format.js';
import { parsePyJson } from '../core/pyjson.js';
import type { PyValue } from '../core/pyvalue.js';
import type { Case, PossibleAnswer } from '../core/types.js';
import type { ResultLine } from '../data/results.js';
import type { ScoredEntry } from '../score/category.js';
import type { EntryVerdict } from '../score/entry.js';

/** What executable checking needs: the functions to dispatch to and, optionally, the network. */
export interface ExecContext {
  registry: Registry;
  http?: HttpLayer;
  /** Expected results per entry id, computed once per evaluation and shared by every model. */
  expected: Map<string, Promise<ExpectedResults>>;
}

/** The BFCL function library; HTTP mode, keys and cassette from the environment (offline by default). */
export function bfclExecContext(env: NodeJS.ProcessEnv = process.env): ExecContext {
  const config = httpConfigFromEnv(env);
  if (env.FCBENCH_EXEC_CASSETTE) config.cassette = loadCassetteFile(env.FCBENCH_EXEC_CASSETTE, config.mode === 'record');
  return { registry: bfclRegistry(), http: new HttpLayer(config), expected: new Map() };
}

export function customExecContext(registry: Registry): ExecContext {
  return { registry, expected: new Map() };
}

function decodeExecute(format: Format, result: PyValue): DecodedExec {
  if (!format.decodeExecute) return { decodeError: `format ${format.name} has no executable decoder` };
  try {
    return { calls: format.decodeExecute(result) };
  } catch (e) {
    // BFCL quirk: some decoders returned a non-list value instead of raising; it then fails the format check.
    if (e instanceof WrongOutputFormat) return { calls: e.decoded };
    return { decodeError: e instanceof Error ? e.message : String(e) };
  }
}

const strings = (v: PyValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

async function verdictOf(category: string, answer: PossibleAnswer, output: DecodedExec, ctx: ExecContext): Promise<ExecVerdict> {
  const gt = answer.raw.get('ground_truth');
  if (category.includes('rest')) {
    // The REST ground truth is the JSON text of a recorded response; only its shape is compared.
    let expectedResponse: PyValue;
    try {
      expectedResponse = typeof gt === 'string' ? parsePyJson(gt) : (gt ?? null);
    } catch {
      return { valid: false, errorType: 'executable_checker_rest:ground_truth_error', errors: ['the recorded REST response is not JSON'] };
    }
    // REST calls are sent only in live mode (and only to the hosts the REST dataset names).
    const live = ctx.http && ctx.http.config.mode !== 'offline' ? { http: ctx.http } : {};
    return checkRestEntry({ output, expectedResponse, ...live });
  }
  let expected = ctx.expected.get(answer.id);
  if (!expected) {
    expected = computeExpected(strings(gt), { registry: ctx.registry, ...(ctx.http ? { http: ctx.http } : {}) });
    ctx.expected.set(answer.id, expected);
  }
  return checkExecEntry({
    category,
    output,
    resultTypes: strings(answer.raw.get('execution_result_type')),
    expected: await expected,
    registry: ctx.registry,
    ...(ctx.http ? { http: ctx.http } : {}),
  });
}

/** Check every entry of one executable category that has a result line. */
export async function scoreExecEntries(
  category: string,
  cases: readonly Case[],
  answers: ReadonlyMap<string, PossibleAnswer>,
  lines: ReadonlyMap<string, ResultLine>,
  format: Format,
  ctx: ExecContext,
): Promise<ScoredEntry[]> {
  const out: ScoredEntry[] = [];
  for (const testCase of cases) {
    const line = lines.get(testCase.id);
    const answer = answers.get(testCase.id);
    if (!line || !answer) continue;
    const output = decodeExecute(format, line.result);
    const v: ExecVerdict =
      answer.raw.get('ground_truth') === undefined
        ? { valid: false, errorType: 'executable_checker:ground_truth_error', errors: [`the possible answer of ${testCase.id} has no ground_truth`] }
        : await verdictOf(category, answer, output, ctx);
    const verdict: EntryVerdict = { valid: v.valid, errors: v.errors };
    if (v.errorType) verdict.errorType = v.errorType;
    if (v.skipped) verdict.skipped = true;
    if ('calls' in output) verdict.decoded = output.calls;
    else verdict.decodeError = output.decodeError;
    out.push({ id: testCase.id, testCase, answer, result: line.result, verdict });
  }
  return out;
}
