/**
 * The only place in src/check that touches the network or the file system: the HTTP layer used by
 * the web-API functions of the executable library and by REST checks.
 *
 * - `offline` (default): nothing is sent; requests are answered from a cassette or raise NeedsNetworkError.
 * - `live`: requests are sent (only when enabled explicitly), to allowed hosts only.
 * - `record`: live, and every response is stored in the cassette (saved with saveCassetteFile).
 *
 * Configuration comes from the environment with BFCL's key names (GEOCODE_API_KEY, RAPID_API_KEY,
 * OMDB_API_KEY, EXCHANGERATE_API_KEY) plus fcbench's FCBENCH_EXEC_HTTP (offline|live|record),
 * FCBENCH_EXEC_BASE_URL (send every request to `<base>/<host><path>`, e.g. a local test server)
 * and FCBENCH_EXEC_CASSETTE (cassette file).
 */
import { readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { parsePyJson } from '../../core/pyjson.js';
import type { PyValue } from '../../core/pyvalue.js';
import { Cassette, redact, requestKey } from './cassette.js';

export type HttpMode = 'offline' | 'live' | 'record';

/** BFCL's API key variables. */
export const API_KEY_VARS = ['GEOCODE_API_KEY', 'RAPID_API_KEY', 'OMDB_API_KEY', 'EXCHANGERATE_API_KEY'] as const;
export type ApiKeyVar = (typeof API_KEY_VARS)[number];
export type ApiKeys = Partial<Record<ApiKeyVar, string>>;

export interface HttpConfig {
  mode: HttpMode;
  keys: ApiKeys;
  cassette?: Cassette;
  /** Send `https://host/path` to `<baseUrl>/host/path` instead (tests). */
  baseUrl?: string;
  /** Hosts that may be contacted in live mode; undefined = any host the library itself names. */
  allowedHosts?: ReadonlySet<string>;
  timeoutMs: number;
  maxBodyBytes: number;
  fetchImpl?: typeof fetch;
}

export interface HttpRequest {
  url: string;
  params?: Array<[string, string]>;
  headers?: Record<string, string>;
  /** Seconds, as `requests.get(timeout=…)`; capped by the layer's own timeout. */
  timeoutSec?: number;
}

export interface HttpResponse {
  status: number;
  body: string;
  /** `response.json()` with Python number semantics; raises like requests on a non-JSON body. */
  json(): PyValue;
}

/** The request needs the network and there is neither a recording nor live mode. */
export class NeedsNetworkError extends Error {
  constructor(readonly key: string) {
    super(`needs network: ${key} (no recording; enable live mode to send it)`);
    this.name = 'NeedsNetworkError';
  }
}

export class HttpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

function makeResponse(status: number, body: string): HttpResponse {
  return {
    status,
    body,
    json: () => {
      try {
        return parsePyJson(body);
      } catch (e) {
        throw new HttpError(`Expecting value: ${(e as Error).message}`);
      }
    },
  };
}

export class HttpLayer {
  constructor(readonly config: HttpConfig) {}

  get keys(): ApiKeys {
    return this.config.keys;
  }

  /** An API key by its BFCL env-var name ('' when unset, as BFCL's os.getenv would give None). */
  key(name: ApiKeyVar): string {
    return this.config.keys[name] ?? '';
  }

  async get(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    const params = req.params ?? [];
    const key = requestKey(req.url, params, this.config.keys);
    const recorded = this.config.cassette?.get(key);
    if (recorded && this.config.mode !== 'record') return makeResponse(recorded.status, recorded.body);
    if (this.config.mode === 'offline') throw new NeedsNetworkError(key);
    const u = new URL(req.url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new HttpError(`unsupported URL scheme ${u.protocol}`);
    if (this.config.allowedHosts && !this.config.allowedHosts.has(u.hostname)) throw new HttpError(`host ${u.hostname} is not allowed`);
    for (const [k, v] of params) u.searchParams.append(k, v);
    const target = this.config.baseUrl ? `${this.config.baseUrl.replace(/\/$/, '')}/${u.hostname}${u.pathname}${u.search}` : u.toString();
    const timeoutMs = Math.min(this.config.timeoutMs, req.timeoutSec !== undefined ? req.timeoutSec * 1000 : Infinity);
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    const doFetch = this.config.fetchImpl ?? fetch;
    let res: Response;
    try {
      res = await doFetch(target, { method: 'GET', headers: req.headers ?? {}, redirect: 'follow', signal: AbortSignal.any(signals) });
    } catch (e) {
      throw new HttpError(redact(`request failed: ${(e as Error).message}`, this.config.keys));
    }
    const body = await readLimited(res, this.config.maxBodyBytes);
    if (this.config.mode === 'record' && this.config.cassette) this.config.cassette.put(key, { status: res.status, body: redact(body, this.config.keys) });
    return makeResponse(res.status, body);
  }
}

async function readLimited(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n > max) {
      await reader.cancel();
      throw new HttpError(`response larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Configuration from environment variables (see the file comment). */
export function httpConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): HttpConfig {
  const mode = (env['FCBENCH_EXEC_HTTP'] ?? 'offline') as HttpMode;
  if (!['offline', 'live', 'record'].includes(mode)) throw new Error(`FCBENCH_EXEC_HTTP must be offline, live or record (got ${mode})`);
  const keys: ApiKeys = {};
  for (const k of API_KEY_VARS) if (env[k]) keys[k] = env[k];
  const cassettePath = env['FCBENCH_EXEC_CASSETTE'];
  return {
    mode,
    keys,
    ...(cassettePath ? { cassette: loadCassetteFile(cassettePath, mode === 'record') } : {}),
    ...(env['FCBENCH_EXEC_BASE_URL'] ? { baseUrl: env['FCBENCH_EXEC_BASE_URL'] } : {}),
    timeoutMs: Number(env['FCBENCH_EXEC_HTTP_TIMEOUT_MS'] ?? 10_000),
    maxBodyBytes: 4 * 1024 * 1024,
  };
}

export function loadCassetteFile(path: string, allowMissing = false): Cassette {
  if (!existsSync(path)) {
    if (allowMissing) return new Cassette();
    throw new Error(`cassette ${path} does not exist (set FCBENCH_EXEC_HTTP=record to create it)`);
  }
  return Cassette.fromText(readFileSync(path, 'utf8'), path);
}

/** Write atomically (temp file + rename). */
export function saveCassetteFile(path: string, cassette: Cassette): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, cassette.toText());
  renameSync(tmp, path);
  cassette.dirty = false;
}
