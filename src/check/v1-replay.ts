/**
 * The "replay" rule for BFCL v1 executable entries that call web APIs (bfcl-spec-v1.md §4.6): a network
 * library function returns the value recorded for a ground-truth call of the same function with the same
 * arguments (numbers and numeric strings compared as floats, argument order ignored, `diffandsplits` of
 * `get_stock_history` ignored; `get_weather_data` with any valid [lat, lon] returns a recorded weather
 * float). Anything else raises, which the checker reports as an execution error.
 */
import { dumpsPyJson } from '../core/pyjson.js';
import { PyError, PyFloat, PyTuple, type PyValue } from '../core/pyvalue.js';
import { bindArguments, Registry, type ExecFunction } from './exec/registry.js';
import { parsePythonCallString } from '../decode/python-calls.js';

/** One recorded ground-truth call: the call text and the result BFCL recorded for it. */
export interface RecordedCall {
  call: string;
  value: PyValue;
}

const IGNORED: Readonly<Record<string, readonly string[]>> = { get_stock_history: ['diffandsplits'] };

function numberOf(v: PyValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.trim()))) return Number(v.trim());
  return undefined;
}

function normalized(v: PyValue): string {
  const n = numberOf(v);
  if (n !== undefined && typeof v !== 'boolean') return `n:${n}`;
  if (Array.isArray(v) || v instanceof PyTuple) return `[${(Array.isArray(v) ? v : v.items).map(normalized).join(',')}]`;
  try {
    return dumpsPyJson(v);
  } catch {
    return String(v);
  }
}

/** The replay key of bound arguments (in the function's parameter order). */
export function replayKey(fn: Pick<ExecFunction, 'name' | 'params'>, bound: readonly PyValue[]): string {
  const ignored = IGNORED[fn.name] ?? [];
  return fn.name + '(' + fn.params.map((p, i) => (ignored.includes(p.name) ? '_' : normalized(bound[i]!))).join('|') + ')';
}

function validLatLon(v: PyValue): boolean {
  const items = Array.isArray(v) ? v : v instanceof PyTuple ? v.items : undefined;
  if (!items || items.length !== 2) return false;
  const [lat, lon] = items.map((x) => (typeof x === 'string' ? undefined : numberOf(x)));
  return lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/**
 * The library registry with its network functions replaced by replay. `recorded` are the ground-truth
 * calls with their recorded results; for repeated keys the most frequent value wins (first on a tie).
 */
export function replayRegistry(base: Registry, recorded: readonly RecordedCall[], fallback: readonly RecordedCall[] = []): Registry {
  const primary = replayTable(base, recorded);
  const second = replayTable(base, fallback);
  for (const [k, v] of second.table) if (!primary.table.has(k)) primary.table.set(k, v);
  const weather = [...primary.weather, ...second.weather];
  const table = primary.table;
  const out = new Registry();
  for (const name of base.names()) {
    const fn = base.get(name)!;
    if (!fn.network) {
      out.add(fn);
      continue;
    }
    out.add({
      name: fn.name,
      params: fn.params,
      impl: (args) => {
        const hit = table.get(replayKey(fn, args));
        if (hit !== undefined) return hit;
        if (fn.name === 'get_weather_data' && weather.length > 0 && validLatLon(args[0]!)) return weather[0]!;
        throw new PyError('ReplayMiss', `no recorded response for ${replayKey(fn, args)} (needs the network)`);
      },
    });
  }
  return out;
}

function replayTable(base: Registry, recorded: readonly RecordedCall[]): { table: Map<string, PyValue>; weather: PyValue[] } {
  const votes = new Map<string, Map<string, { value: PyValue; n: number }>>();
  const weather: PyValue[] = [];
  for (const r of recorded) {
    let parsed;
    try {
      parsed = parsePythonCallString(r.call);
    } catch {
      continue;
    }
    const fn = base.get(parsed.name);
    if (!fn?.network) continue;
    let key: string;
    try {
      key = replayKey(fn, bindArguments(fn, parsed.args, parsed.kwargs));
    } catch {
      continue;
    }
    const byValue = votes.get(key) ?? new Map<string, { value: PyValue; n: number }>();
    const vk = normalized(r.value);
    const slot = byValue.get(vk) ?? { value: r.value, n: 0 };
    slot.n++;
    byValue.set(vk, slot);
    votes.set(key, byValue);
    if (fn.name === 'get_weather_data' && r.value instanceof PyFloat) weather.push(r.value);
  }
  const table = new Map<string, PyValue>();
  for (const [key, byValue] of votes) {
    let best: { value: PyValue; n: number } | undefined;
    for (const s of byValue.values()) if (!best || s.n > best.n) best = s;
    table.set(key, best!.value);
  }
  return { table, weather };
}
