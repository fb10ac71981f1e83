/**
 * One OpenAI-compatible endpoint reached through the `openai` package: base URL, key, per-request
 * timeout (headers and body), and our own retry loop (the client's is switched off so attempts are
 * bounded, backoff is jittered, Retry-After is honoured and a user abort stops waiting at once).
 */
import OpenAI from 'openai';
import { createNodeFetch } from './node-fetch.js';
import { classifyFailure, InferenceError, MalformedReply, type AttemptFailure } from './inference-error.js';
import { DEFAULT_RETRY, nextDelay, retryAfterMs, sleep, type RetryPolicy } from './retry.js';

export interface EndpointOptions {
  baseUrl: string;
  /** The key itself (already read from the environment). */
  apiKey: string;
  /** Per-attempt timeout, whole request (headers and body). */
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  /** Called before each retry (for progress notes and tests). */
  onRetry?: (f: AttemptFailure, attempt: number, delayMs: number) => void;
}

/** A JSON reply plus how it was obtained. */
export interface EndpointReply<T> {
  body: T;
  /** Seconds the successful attempt took. */
  latency: number;
  attempts: number;
}

export class OpenAIEndpoint {
  readonly client: OpenAI;
  readonly retry: RetryPolicy;

  constructor(readonly opts: EndpointOptions) {
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.client = new OpenAI({
      baseURL: opts.baseUrl,
      apiKey: opts.apiKey,
      maxRetries: 0,
      timeout: opts.timeoutMs,
      fetch: createNodeFetch(),
    });
  }

  /**
   * POST a JSON body given as text (so Python-typed numbers such as `1.0` reach the server as
   * written), with retries. Throws InferenceError after the last attempt, or the signal's reason
   * when `signal` aborts.
   */
  async post<T>(path: string, bodyText: string, check: (body: unknown) => T, signal?: AbortSignal): Promise<EndpointReply<T>> {
    const policy = this.retry;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw signal.reason;
      // One controller per attempt, fired by our timer or by the caller's signal (no AbortSignal.any:
      // on Node 20 its dependants pile up on a long-lived parent signal until GC).
      const ac = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        ac.abort(new Error('timeout'));
      }, this.opts.timeoutMs);
      const onAbort = (): void => ac.abort(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const started = performance.now();
      let failure: AttemptFailure;
      try {
        const raw = await this.client.post<unknown>(path, {
          body: bodyText,
          headers: { 'content-type': 'application/json' },
          signal: ac.signal,
          // The client's own timer only covers the headers; ours (above) covers the body too and fires first.
          timeout: this.opts.timeoutMs + 1000,
          maxRetries: 0,
        });
        const body = check(raw);
        return { body, latency: (performance.now() - started) / 1000, attempts: attempt };
      } catch (err) {
        if (signal?.aborted) throw signal.reason;
        failure = classifyFailure(err, timedOut, this.opts.timeoutMs);
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
      if (!failure.retryable || attempt >= policy.maxAttempts) {
        throw new InferenceError(explain(failure, this.opts.baseUrl, attempt), failure.kind, attempt, failure.status);
      }
      const delay = nextDelay(attempt, policy, retryAfterMs(failure.headers));
      this.opts.onRetry?.(failure, attempt, delay);
      await sleep(delay, signal);
    }
  }

  /** The `/models` answer (for the run manifest); never throws. */
  async models(): Promise<unknown> {
    try {
      const timeout = Math.min(this.opts.timeoutMs, 10_000);
      return await this.client.get<unknown>('/models', { timeout, maxRetries: 0, signal: AbortSignal.timeout(timeout) });
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }
}

function explain(f: AttemptFailure, baseUrl: string, attempts: number): string {
  const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
  switch (f.kind) {
    case 'auth':
      return `${f.message} from ${baseUrl}: the endpoint refused the API key. Set the environment variable named by the config's api_key_env (or --api-key-env) to a valid key.`;
    case 'not_found':
      return `${f.message} from ${baseUrl}: check --base-url (it usually ends in /v1) and that the server serves this model name (see its /v1/models).`;
    case 'rejected':
      return `${f.message} from ${baseUrl}: the endpoint rejected this request${tries}.`;
    default:
      return `${f.message} from ${baseUrl}${tries}`;
  }
}

/** Shared reply checks. */
export function objectOf(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new MalformedReply(`malformed response body: ${what} is not a JSON object`);
  return v as Record<string, unknown>;
}

export function firstChoice(body: unknown): Record<string, unknown> {
  const o = objectOf(body, 'the response');
  const choices = o['choices'];
  if (!Array.isArray(choices) || choices.length === 0) throw new MalformedReply('malformed response body: no "choices"');
  return objectOf(choices[0], 'choices[0]');
}

export function usageOf(body: unknown): { inputTokens?: number; outputTokens?: number } {
  const u = (body as Record<string, unknown>)['usage'];
  if (typeof u !== 'object' || u === null) return {};
  const p = (u as Record<string, unknown>)['prompt_tokens'];
  const c = (u as Record<string, unknown>)['completion_tokens'];
  return {
    ...(typeof p === 'number' ? { inputTokens: p } : {}),
    ...(typeof c === 'number' ? { outputTokens: c } : {}),
  };
}
