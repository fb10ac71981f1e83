/** How a request to a model endpoint failed, and whether trying again can help. */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

export type FailureKind =
  | 'timeout' // no complete answer within the per-request timeout
  | 'connection' // refused, reset, dropped, DNS
  | 'rate_limit' // 429
  | 'server' // 5xx, 408, 409
  | 'malformed' // 2xx whose body is not the expected JSON
  | 'rejected' // 400, 422 and other 4xx: this request will never succeed as sent
  | 'auth' // 401, 403: no request will succeed
  | 'not_found' // 404: wrong base URL or model name; no request will succeed
  | 'format'; // the format could not build a request or read the reply

/** A failed request after the backend's own retries. */
export class InferenceError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly attempts: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'InferenceError';
  }

  /** True when every other request would fail the same way, so the run should stop. */
  get fatal(): boolean {
    return this.kind === 'auth' || this.kind === 'not_found';
  }
}

/** What one failed attempt means. */
export interface AttemptFailure {
  kind: FailureKind;
  retryable: boolean;
  message: string;
  status?: number;
  headers?: Headers;
}

/** Reads a failure of one attempt; `timedOut` = our per-request timer fired. */
export function classifyFailure(err: unknown, timedOut: boolean, timeoutMs: number): AttemptFailure {
  if (timedOut || err instanceof APIConnectionTimeoutError) return { kind: 'timeout', retryable: true, message: `no answer within ${fmtSecs(timeoutMs)} (timeout)` };
  if (err instanceof APIUserAbortError) return { kind: 'connection', retryable: true, message: 'request aborted' };
  if (err instanceof APIConnectionError) {
    const cause = (err as { cause?: unknown }).cause;
    const detail = describeCause(cause);
    return { kind: 'connection', retryable: true, message: `connection error: ${err.message}${detail ? ` (${detail})` : ''}` };
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    const headers = err.headers ?? undefined;
    const message = `HTTP ${err.message}`;
    if (status === 429) return { kind: 'rate_limit', retryable: true, message, status, headers };
    if (status >= 500 || status === 408 || status === 409) return { kind: 'server', retryable: true, message, status, headers };
    if (status === 401 || status === 403) return { kind: 'auth', retryable: false, message, status, headers };
    if (status === 404) return { kind: 'not_found', retryable: false, message, status, headers };
    return { kind: 'rejected', retryable: false, message, status, headers };
  }
  if (err instanceof SyntaxError) return { kind: 'malformed', retryable: true, message: `malformed response body: ${err.message}` };
  if (err instanceof MalformedReply) return { kind: 'malformed', retryable: true, message: err.message };
  // A body read cut short (socket closed mid-body) surfaces as a TypeError from undici.
  if (err instanceof TypeError) return { kind: 'connection', retryable: true, message: `connection error: ${err.message}${describeCause(err.cause) ? ` (${describeCause(err.cause)})` : ''}` };
  const m = err instanceof Error ? err.message : String(err);
  return { kind: 'connection', retryable: true, message: m };
}

/** A 2xx reply that lacks what the protocol promises (no choices, wrong types). */
export class MalformedReply extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedReply';
  }
}

function describeCause(cause: unknown): string {
  if (!cause) return '';
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    const inner = (cause as { cause?: unknown }).cause;
    const own = code ? `${code}` : cause.message;
    const deeper = inner ? describeCause(inner) : '';
    return deeper && deeper !== own ? `${own}: ${deeper}` : own;
  }
  return String(cause);
}

function fmtSecs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(3)} s`;
}
