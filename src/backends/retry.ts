/** Retry policy for model endpoints: bounded attempts, exponential backoff with jitter, Retry-After honoured. */

export interface RetryPolicy {
  /** Attempts per request, the first included (1 = never retry). */
  maxAttempts: number;
  /** Backoff before the 2nd attempt; doubles each time. */
  initialDelayMs: number;
  /** Backoff ceiling. */
  maxDelayMs: number;
  /** A server's Retry-After is obeyed up to this long (a longer one is clamped, not ignored). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/**
 * Delay before attempt `failed + 1`, after `failed` failed attempts (1-based).
 * "Equal jitter": half the exponential step is fixed, half random, so concurrent workers that
 * failed together spread out instead of retrying in lockstep.
 */
export function backoffDelay(failed: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, failed - 1));
  return step / 2 + (random() * step) / 2;
}

/** Milliseconds a response asks us to wait (`retry-after-ms`, `retry-after` seconds or HTTP date); undefined if none. */
export function retryAfterMs(headers: Headers | undefined | null, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const v = Number(ms);
    if (Number.isFinite(v) && v >= 0) return v;
  }
  const ra = headers.get('retry-after');
  if (ra === null || ra.trim() === '') return undefined;
  const secs = Number(ra);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const date = Date.parse(ra);
  if (Number.isFinite(date)) return Math.max(0, date - now);
  return undefined;
}

/** The wait before the next attempt: the server's Retry-After (clamped) if it gave one, else backoff. */
export function nextDelay(failed: number, policy: RetryPolicy, serverAsked: number | undefined): number {
  if (serverAsked !== undefined) return Math.min(serverAsked, policy.maxRetryAfterMs);
  return backoffDelay(failed, policy);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
