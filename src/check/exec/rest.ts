/**
 * The REST category (bfcl-spec.md §7.2 step 4): the model writes `requests.get(url=…, headers=…,
 * params=…)`. fcbench parses that call (never evaluates it), turns it into an HTTP request, sends it
 * only through the HTTP layer (live mode, allowed hosts only; otherwise a recording or
 * "needs network") and compares the JSON response's shape with the recorded ground truth.
 */
import { pyStr } from '../../core/pyrepr.js';
import { PyDict, PyError, type PyValue } from '../../core/pyvalue.js';
import { parsePythonCallString } from '../../decode/python-calls.js';
import type { DecodedExec, ExecVerdict } from './checker.js';
import { needsNetworkVerdict } from './checker.js';
import { exceptionText, type CallParser } from './execute.js';
import { HttpError, NeedsNetworkError, type ApiKeyVar, type HttpLayer, type HttpRequest } from './http.js';
import { bindArguments } from './registry.js';

/** Keyword arguments `requests.request` accepts (others raise TypeError as in Python). */
const REQUEST_KWARGS = ['params', 'data', 'headers', 'cookies', 'files', 'auth', 'timeout', 'allow_redirects', 'proxies', 'hooks', 'stream', 'verify', 'cert', 'json'];

/** Placeholders for keys in REST questions / redacted outputs → BFCL's env-var names. */
const KEY_PLACEHOLDERS: Array<[string, ApiKeyVar]> = [
  ['YOUR-RAPID-API-KEY', 'RAPID_API_KEY'],
  ['RAPID-API-KEY', 'RAPID_API_KEY'],
  ['YOUR-GEOCODE-API-KEY', 'GEOCODE_API_KEY'],
  ['GEOCODE-API-KEY', 'GEOCODE_API_KEY'],
  ['YOUR-OMDB-API-KEY', 'OMDB_API_KEY'],
  ['OMDB-API-KEY', 'OMDB_API_KEY'],
  ['YOUR-EXCHANGERATE-API-KEY', 'EXCHANGERATE_API_KEY'],
  ['EXCHANGERATE-API-KEY', 'EXCHANGERATE_API_KEY'],
];

function fillKey(v: string, http: HttpLayer): string {
  for (const [ph, name] of KEY_PLACEHOLDERS) if (v === ph && http.key(name)) return http.key(name);
  return v;
}

function stringPairs(v: PyValue, what: string): Array<[string, string]> {
  if (v === null) return [];
  if (!(v instanceof PyDict)) throw new PyError('TypeError', `${what} must be a dict, got ${pyStr(v).slice(0, 40)}`);
  return v.entries().map(([k, x]) => [pyStr(k), pyStr(x)] as [string, string]);
}

/** `requests.get(...)` call text → the HTTP request it would send. Throws PyError like Python would. */
export function restRequestFromCall(callText: string, http: HttpLayer | undefined, parseCall: CallParser = parsePythonCallString): HttpRequest {
  // BFCL: "requests_get" is replaced by "requests.get" before evaluation.
  const call = parseCall(callText.split('requests_get').join('requests.get'));
  if (call.name !== 'requests.get') throw new PyError('NameError', `name '${call.name}' is not a REST call (expected requests.get)`);
  for (const k of call.kwargs.keys())
    if (k !== 'url' && !REQUEST_KWARGS.includes(String(k))) throw new PyError('TypeError', `request() got an unexpected keyword argument '${String(k)}'`);
  const rest = new PyDict(call.kwargs.entries().filter(([k]) => k === 'url' || k === 'params'));
  const [url, params] = bindArguments({ name: 'get', params: [{ name: 'url' }, { name: 'params', default: null }] }, call.args.slice(0, 2), rest);
  if (typeof url !== 'string') throw new PyError('InvalidSchema', `No connection adapters were found for ${pyStr(url!)}`);
  const headers = Object.fromEntries(stringPairs(call.kwargs.get('headers') ?? null, 'headers').map(([k, v]) => [k, http ? fillKey(v, http) : v]));
  const timeout = call.kwargs.get('timeout');
  const req: HttpRequest = {
    url,
    params: stringPairs(params ?? null, 'params').map(([k, v]) => [k, http ? fillKey(v, http) : v] as [string, string]),
    headers,
  };
  if (typeof timeout === 'number') req.timeoutSec = timeout;
  try {
    new URL(url);
  } catch {
    throw new PyError('MissingSchema', `Invalid URL '${url}': No scheme supplied. Perhaps you meant https://${url}?`);
  }
  return req;
}

/** The hosts a REST dataset names (each entry's `url` default), the live-mode allow-list. */
export function restHostsOf(functionDocs: readonly PyValue[]): Set<string> {
  const hosts = new Set<string>();
  const visit = (v: PyValue): void => {
    if (typeof v === 'string' && /^https?:\/\//.test(v)) {
      try {
        hosts.add(new URL(v).hostname);
      } catch {
        /* not a URL */
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v instanceof PyDict) v.values().forEach(visit);
  };
  functionDocs.forEach(visit);
  return hosts;
}

const WRONG_FORMAT = 'Did not output in the specified format. Note: the model_result is wrapped in a string to ensure json serializability.';

function typeOfJson(v: PyValue): string {
  return Array.isArray(v) ? "<class 'list'>" : v instanceof PyDict ? "<class 'dict'>" : `<class '${v === null ? 'NoneType' : typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : 'int'}'>`;
}

/** BFCL's shape comparison of a REST response with the recorded ground-truth JSON. */
export function compareRestShape(got: PyValue, expected: PyValue): ExecVerdict {
  const keysEqual = (a: PyDict, b: PyDict): boolean => a.size === b.size && a.keys().every((k) => b.has(k));
  if (expected instanceof PyDict) {
    if (!(got instanceof PyDict)) return { valid: false, errorType: 'executable_checker_rest:wrong_type', errors: [`Expected dictionary, but got ${typeOfJson(got)}`] };
    return keysEqual(expected, got) ? { valid: true, errors: [] } : { valid: false, errorType: 'executable_checker_rest:wrong_key', errors: ['Key inconsistency'] };
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(got)) return { valid: false, errorType: 'executable_checker_rest:wrong_type', errors: [`Expected list, but got ${typeOfJson(got)}`] };
    if (got.length !== expected.length) return { valid: false, errorType: 'value_error:exec_result_rest_count', errors: ['Response list length inconsistency.'] };
    for (let i = 0; i < expected.length; i++) {
      const e = expected[i]!;
      const g = got[i]!;
      if (!(e instanceof PyDict) || !(g instanceof PyDict))
        return { valid: false, errorType: 'executable_checker_rest:response_format_error', errors: [`Error in execution and type checking. Status code: 200. Error: element ${i} has no keys`] };
      if (!keysEqual(e, g)) return { valid: false, errorType: 'executable_checker_rest:wrong_key', errors: ['Key inconsistency'] };
    }
    return { valid: true, errors: [] };
  }
  return { valid: false, errorType: 'executable_checker_rest:wrong_type', errors: [`Expected dict or list, but got ${typeOfJson(got)}`] };
}

export interface CheckRestInput {
  output: DecodedExec;
  /** The recorded ground-truth response (parsed JSON). */
  expectedResponse: PyValue;
  http?: HttpLayer;
  parseCall?: CallParser;
  signal?: AbortSignal;
}

/** Check one REST entry. Never throws. */
export async function checkRestEntry(input: CheckRestInput): Promise<ExecVerdict> {
  if ('decodeError' in input.output) return { valid: false, errorType: 'executable_decoder:decoder_failed', errors: [`Failed to decode executable. ${input.output.decodeError}`] };
  const calls = input.output.calls;
  if (!Array.isArray(calls) || calls.length !== 1 || typeof calls[0] !== 'string')
    return { valid: false, errorType: 'executable_decoder:rest_wrong_output_format', errors: [WRONG_FORMAT] };
  let req: HttpRequest;
  try {
    req = restRequestFromCall(calls[0], input.http, input.parseCall);
  } catch (e) {
    return { valid: false, errorType: 'executable_checker_rest:execution_error', errors: [`Execution failed. ${exceptionText(e)}`] };
  }
  if (!input.http) return needsNetworkVerdict(`REST call to ${req.url} (no HTTP layer configured)`);
  try {
    const res = await input.http.get(req, input.signal);
    if (res.status !== 200) return { valid: false, errorType: 'executable_checker_rest:wrong_status_code', errors: [`Execution result status code is not 200, got ${res.status}`] };
    let body: PyValue;
    try {
      body = res.json();
    } catch (e) {
      return { valid: false, errorType: 'executable_checker_rest:response_format_error', errors: [`Error in execution and type checking. Status code: ${res.status}. Error: ${exceptionText(e)}`] };
    }
    return compareRestShape(body, input.expectedResponse);
  } catch (e) {
    if (e instanceof NeedsNetworkError) return needsNetworkVerdict(e.message);
    if (e instanceof HttpError) return { valid: false, errorType: 'executable_checker_rest:execution_error', errors: [`Execution failed. ${e.message}`] };
    return { valid: false, errorType: 'executable_checker_rest:execution_error', errors: [`Execution failed. ${exceptionText(e)}`] };
  }
}
