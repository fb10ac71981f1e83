/**
 * A `fetch` for the openai client on node:http/https keep-alive agents. The client's default (the
 * global undici fetch, with web streams on both sides) costs several times more CPU per request;
 * at 100+ requests in flight that CPU is what slows a run down, so endpoints use this one.
 * Bodies are buffered whole (model answers are small); the signal aborts the request at once.
 */
import http from 'node:http';
import https from 'node:https';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

function abortError(reason: unknown): Error {
  const e = new Error(reason instanceof Error ? reason.message : 'This operation was aborted');
  e.name = 'AbortError';
  return e;
}

export function createNodeFetch(): Fetch {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'lifo' }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'lifo' }),
  };
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(abortError(signal.reason));
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((v, k) => (headers[k] = v));
      const body = init.body;
      if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) {
        return reject(new TypeError('node-fetch: only string and byte bodies are supported'));
      }
      const mod = url.protocol === 'https:' ? https : http;
      const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
      let settled = false;
      const fail = (e: unknown): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        reject(e);
      };
      const req = mod.request(url, { method: init.method ?? 'GET', headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => fail(new TypeError('fetch failed', { cause: e })));
        const cut = (): void => fail(new TypeError('fetch failed', { cause: new Error('the connection closed before the response ended') }));
        res.on('aborted', cut);
        res.on('close', () => {
          if (!res.complete) cut();
        });
        res.on('end', () => {
          if (settled) return;
          if (!res.complete) return fail(new TypeError('fetch failed', { cause: new Error('the connection closed before the response ended') }));
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          const h = new Headers();
          for (let i = 0; i < res.rawHeaders.length; i += 2) h.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
          const status = res.statusCode ?? 0;
          const noBody = status === 204 || status === 304 || init.method === 'HEAD';
          resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: h }));
        });
      });
      const onAbort = (): void => {
        req.destroy();
        fail(abortError(signal!.reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (e) => fail(new TypeError('fetch failed', { cause: e })));
      req.end(body ?? undefined);
    });
}
