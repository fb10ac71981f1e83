/**
 * The generation loop: up to `concurrency` entries in flight (p-limit); each entry is
 * format.request(case) → backend.send → format.resultOf(reply) → one result line, appended at once.
 * An endpoint failure after the backend's retries becomes BFCL's "Error during inference: <msg>"
 * line, marked `inference_error` so it is kept apart from model mistakes. `stop` ends the
 * scheduling of new entries (in-flight ones finish); `abandon` also cancels in-flight ones, which
 * then get no line at all (a later run generates them). A fatal failure (bad key, unknown model)
 * stops everything.
 */
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import type { Backend, BackendReply, Format, RequestOptions, Sampling } from '../core/format.js';
import { PyDict, PyFloat, type PyValue } from '../core/pyvalue.js';
import type { Case } from '../core/types.js';
import { InferenceError, type FailureKind } from '../backends/inference-error.js';
import { INFERENCE_ERROR_PREFIX, type ResultStore } from './result-store.js';

export interface EntryJob {
  case: Case;
  store: ResultStore;
}

export interface RunEntriesOptions {
  jobs: readonly EntryJob[];
  format: Format;
  backend: Backend;
  sampling: Sampling;
  requestOptions?: RequestOptions;
  concurrency: number;
  /** Graceful stop: no new entries start. */
  stop?: AbortSignal;
  /** Hard stop: in-flight requests are cancelled too. */
  abandon?: AbortSignal;
  /** Called after each line is written. */
  onEntry?: (id: string, ok: boolean) => void;
}

export interface RunEntriesResult {
  /** Lines written with a model answer. */
  answered: number;
  /** Lines written with an inference error. */
  errors: number;
  /** Never started (stopped first). */
  notStarted: number;
  /** Cancelled in flight (no line written). */
  abandoned: number;
  /** The failure that stopped the run, if one did. */
  fatal?: InferenceError;
}

export function answerLine(id: string, result: PyValue, reply: BackendReply, measuredSeconds: number): PyDict {
  return new PyDict([
    ['id', id],
    ['result', result],
    ['input_token_count', reply.inputTokens ?? 0],
    ['output_token_count', reply.outputTokens ?? 0],
    ['latency', new PyFloat(reply.latency ?? measuredSeconds)],
  ]);
}

/** BFCL's error line (`result` + `traceback`), plus `inference_error: true` and the failure kind. */
export function errorLine(id: string, message: string, kind: FailureKind, attempts: number): PyDict {
  return new PyDict([
    ['id', id],
    ['result', INFERENCE_ERROR_PREFIX + message],
    ['traceback', `${kind} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message}`],
    ['inference_error', true],
    ['error_kind', kind],
  ]);
}

export async function runEntries(o: RunEntriesOptions): Promise<RunEntriesResult> {
  const res: RunEntriesResult = { answered: 0, errors: 0, notStarted: 0, abandoned: 0 };
  const internal = new AbortController();
  // Abandoning implies stopping.
  const stop = AbortSignal.any([internal.signal, ...(o.stop ? [o.stop] : []), ...(o.abandon ? [o.abandon] : [])]);
  const abandon = o.abandon ? AbortSignal.any([o.abandon, internal.signal]) : internal.signal;
  setMaxListeners(0, stop, abandon);
  // Each entry gets its own signal (one listener each, cheap); one listener here fans `abandon` out to them.
  const inFlight = new Set<AbortController>();
  abandon.addEventListener('abort', () => inFlight.forEach((ac) => ac.abort(abandon.reason)), { once: true });
  const { format, backend, sampling } = o;
  if (!format.request || !format.resultOf) throw new Error(`format ${format.name} cannot build requests (it has no request/resultOf)`);
  const request = format.request.bind(format);
  const resultOf = format.resultOf.bind(format);

  const one = async (job: EntryJob): Promise<void> => {
    if (stop.aborted) {
      res.notStarted++;
      return;
    }
    const c = job.case;
    const entrySignal = new AbortController();
    inFlight.add(entrySignal);
    const t0 = performance.now();
    let line: PyDict;
    let ok = false;
    try {
      let req;
      try {
        req = request(c, o.requestOptions);
      } catch (e) {
        throw new InferenceError(`the ${format.name} format cannot build a request for ${c.id}: ${(e as Error).message}`, 'format', 0);
      }
      const reply = await backend.send(req, sampling, entrySignal.signal);
      let result: PyValue;
      try {
        result = resultOf(reply);
      } catch (e) {
        throw new InferenceError(`the ${format.name} format cannot read the reply for ${c.id}: ${(e as Error).message}`, 'format', 1);
      }
      line = answerLine(c.id, result, reply, (performance.now() - t0) / 1000);
      ok = true;
    } catch (e) {
      if (abandon.aborted) {
        res.abandoned++;
        return;
      }
      if (e instanceof InferenceError && e.fatal) {
        res.fatal ??= e;
        res.abandoned++;
        internal.abort(e);
        return;
      }
      const ie = e instanceof InferenceError ? e : new InferenceError(e instanceof Error ? e.message : String(e), 'connection', 1);
      line = errorLine(c.id, ie.message, ie.kind, ie.attempts);
    } finally {
      inFlight.delete(entrySignal);
    }
    job.store.append(line);
    if (ok) res.answered++;
    else res.errors++;
    o.onEntry?.(c.id, ok);
  };

  const limit = pLimit(Math.max(1, o.concurrency));
  await Promise.all(o.jobs.map((j) => limit(one, j)));
  return res;
}
