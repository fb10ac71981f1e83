/** The HTTP layer (offline / record / replay), web-API library functions and REST checks against a local server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cassette } from '../../../src/check/exec/cassette.js';
import { checkExecEntry, computeExpected } from '../../../src/check/exec/checker.js';
import { HttpLayer, httpConfigFromEnv, loadCassetteFile, saveCassetteFile, type HttpConfig } from '../../../src/check/exec/http.js';
import { bfclRegistry, LIBRARY_HOSTS } from '../../../src/check/exec/library.js';
import { checkRestEntry, restHostsOf } from '../../../src/check/exec/rest.js';
import { parsePyJson } from '../../../src/core/pyjson.js';
import { BFCL_DATA } from '../../fixtures/paths.js';

let server: Server;
let base = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.url} key=${req.headers['x-rapidapi-key'] ?? ''}`);
    const url = new URL(req.url!, 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/api.open-meteo.com/v1/forecast') return void res.end(`{"current": {"temperature_2m": ${url.searchParams.get('latitude') === '90' ? 12 : 71.5}}}`);
    if (url.pathname === '/covid-193.p.rapidapi.com/statistics') return void res.end('{"response": [{"deaths": {"total": 1000}, "cases": {"active": 50}}]}');
    if (url.pathname === '/timezone-by-location.p.rapidapi.com/timezone')
      return void res.end('{"Safezone": 1.5, "Zones": [{"CountryAlpha2": "FR", "CountryName": "France", "Result": "In zone", "TimezoneId": "Europe/Paris"}]}');
    res.statusCode = 404;
    res.end('{"message": "not found"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const registry = bfclRegistry();
const cfg = (over: Partial<HttpConfig>): HttpConfig => ({ mode: 'offline', keys: { RAPID_API_KEY: 'secret-rapid-key' }, timeoutMs: 2000, maxBodyBytes: 1 << 20, ...over });

describe('web-API functions', () => {
  it('offline without a recording: the entry needs network and is skipped', async () => {
    const expected = await computeExpected(['get_covid_death_by_country(country="Brazil")'], { registry });
    expect(expected.ok).toBe(false);
    const v = await checkExecEntry({ category: 'exec_simple', output: { calls: ['get_covid_death_by_country(country="Brazil")'] }, resultTypes: ['real_time_match'], expected, registry });
    expect(v.skipped).toBe(true);
    expect(v.errorType).toBe('exec:needs_network');
  });

  it('records live responses to a cassette without secrets, then replays them offline', async () => {
    const cassette = new Cassette();
    const live = new HttpLayer(cfg({ mode: 'record', baseUrl: base, cassette, allowedHosts: new Set(LIBRARY_HOSTS) }));
    const gt = ['get_covid_death_by_country(country="Brazil")', 'get_weather_data(coordinates=[90, 0])'];
    const exp1 = await computeExpected(gt, { registry, http: live });
    expect(exp1).toMatchObject({ ok: true });
    expect(seen.some((s) => s.includes('key=secret-rapid-key'))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'fcbench-cassette-'));
    const file = join(dir, 'c.json');
    saveCassetteFile(file, cassette);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('secret-rapid-key');
    expect(cassette.size).toBe(2);

    const before = seen.length;
    const replay = new HttpLayer(cfg({ mode: 'offline', cassette: loadCassetteFile(file), keys: { RAPID_API_KEY: 'another-key' } }));
    const exp2 = await computeExpected(gt, { registry, http: replay });
    expect(exp2).toEqual(exp1);
    expect(seen.length).toBe(before); // nothing sent
    const v = await checkExecEntry({
      category: 'exec_parallel_multiple',
      output: { calls: ['get_weather_data(coordinates=[90, 0])', 'get_covid_death_by_country(country="Brazil")'] },
      resultTypes: ['real_time_match', 'structural_match'],
      expected: exp2,
      registry,
      http: replay,
    });
    expect(v).toMatchObject({ valid: true });
  });

  it('live mode refuses hosts outside the allow-list', async () => {
    const http = new HttpLayer(cfg({ mode: 'live', baseUrl: base, allowedHosts: new Set(['covid-193.p.rapidapi.com']) }));
    const r = await computeExpected(['get_weather_data(coordinates=[1, 2])'], { registry, http });
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('host api.open-meteo.com is not allowed') });
  });

  it('configuration comes from BFCL env var names', () => {
    const c = httpConfigFromEnv({ RAPID_API_KEY: 'k', FCBENCH_EXEC_HTTP: 'live', FCBENCH_EXEC_BASE_URL: base });
    expect(c).toMatchObject({ mode: 'live', keys: { RAPID_API_KEY: 'k' }, baseUrl: base });
    expect(httpConfigFromEnv({}).mode).toBe('offline');
  });
});

describe('REST', () => {
  const restQuestions = readFileSync(join(BFCL_DATA, 'unused_datasets', 'question', 'BFCL_v4_rest.json'), 'utf8').trim().split('\n').map((l) => parsePyJson(l));
  const hosts = restHostsOf(restQuestions);
  const expectedResponse = parsePyJson(
    '{"Safezone": 1.7704567909240723, "Zones": [{"CountryAlpha2": "FR", "CountryName": "France", "Result": "In zone", "TimezoneId": "Europe/Paris"}]}',
  );
  const call = "requests.get(url='https://timezone-by-location.p.rapidapi.com/timezone', headers={'X-RapidAPI-Key': 'RAPID-API-KEY', 'X-RapidAPI-Host': 'timezone-by-location.p.rapidapi.com'}, params={'lat': 48.8584, 'lon': 2.2945, 'c': 1})";

  it('the allow-list is the hosts the REST dataset names', () => {
    expect(hosts.has('timezone-by-location.p.rapidapi.com')).toBe(true);
    expect(hosts.size).toBeGreaterThan(5);
  });

  it('sends the parsed request in live mode (placeholder key filled in) and compares key sets', async () => {
    const http = new HttpLayer(cfg({ mode: 'live', baseUrl: base, allowedHosts: hosts }));
    const v = await checkRestEntry({ output: { calls: [call] }, expectedResponse, http });
    expect(v).toMatchObject({ valid: true });
    expect(seen.at(-1)).toBe('/timezone-by-location.p.rapidapi.com/timezone?lat=48.8584&lon=2.2945&c=1 key=secret-rapid-key');
  });

  it('offline it needs network; bad outputs fail at the decode stage as in BFCL', async () => {
    expect(await checkRestEntry({ output: { calls: [call] }, expectedResponse, http: new HttpLayer(cfg({})) })).toMatchObject({ skipped: true });
    expect(await checkRestEntry({ output: { calls: [call, call] }, expectedResponse })).toMatchObject({ errorType: 'executable_decoder:rest_wrong_output_format' });
    expect(await checkRestEntry({ output: { calls: ["requests.get(headers={'a': 'b'})"] }, expectedResponse })).toMatchObject({
      errorType: 'executable_checker_rest:execution_error',
      errors: ["Execution failed. get() missing 1 required positional argument: 'url'"],
    });
    expect(await checkRestEntry({ output: { calls: ["__import__('os').system('x')"] }, expectedResponse })).toMatchObject({ errorType: 'executable_checker_rest:execution_error' });
  });

  it('a host outside the REST dataset is never contacted', async () => {
    const http = new HttpLayer(cfg({ mode: 'live', baseUrl: base, allowedHosts: hosts }));
    const before = seen.length;
    const v = await checkRestEntry({ output: { calls: ["requests.get(url='https://evil.example.com/x')"] }, expectedResponse, http });
    expect(v).toMatchObject({ valid: false, errorType: 'executable_checker_rest:execution_error' });
    expect(seen.length).toBe(before);
  });

  it('wrong status and wrong keys', async () => {
    const http = new HttpLayer(cfg({ mode: 'live', baseUrl: base, allowedHosts: new Set([...hosts, 'api.open-meteo.com']) }));
    expect(await checkRestEntry({ output: { calls: ["requests.get(url='https://timezone-by-location.p.rapidapi.com/other')"] }, expectedResponse, http })).toMatchObject({
      errorType: 'executable_checker_rest:wrong_status_code',
    });
    expect(await checkRestEntry({ output: { calls: ["requests.get(url='https://api.open-meteo.com/v1/forecast')"] }, expectedResponse, http })).toMatchObject({
      errorType: 'executable_checker_rest:wrong_key',
    });
  });
});
