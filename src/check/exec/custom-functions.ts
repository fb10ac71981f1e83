/**
 * Turning a user's functions module into a Registry (pure; custom-module.ts does the import).
 *
 * A module exports `functions`: name → `{ params, run, raw? }`.
 * - `params`: the Python-style signature, e.g. `['weight_kg', ['express', false]]`.
 * - `run(...args)`: receives the bound arguments. By default as plain JavaScript values
 *   (int → number, or bigint beyond 2^53; float → number; dict → object; list/tuple → array), and its
 *   return value is converted back: an integral number → int, any other number → float,
 *   `{ __float__: x }` → float x, object → dict, array → list. With `raw: true` it receives and
 *   returns PyValue (src/core/pyvalue.ts) and keeps full Python typing.
 * - throwing an Error is an execution error (its message is the error text); returning a Promise is allowed.
 */
import { PyDict, PyError, PyFloat, PyTuple, type PyValue } from '../../core/pyvalue.js';
import { Registry, signature, type ExecFunction, type SignatureSpec } from './registry.js';

export interface CustomFunction {
  params: SignatureSpec;
  run: (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
  raw?: boolean;
  network?: boolean;
}

export function toPlain(v: PyValue): unknown {
  if (v instanceof PyFloat) return v.value;
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof PyTuple) return v.items.map(toPlain);
  if (v instanceof PyDict) return Object.fromEntries(v.entries().map(([k, x]) => [typeof k === 'string' ? k : String(toPlain(k)), toPlain(x)]));
  return v;
}

export function fromPlain(v: unknown, depth = 0): PyValue {
  if (depth > 100) throw new PyError('ValueError', 'result nests too deeply');
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : new PyFloat(v);
  if (v instanceof PyFloat || v instanceof PyTuple || v instanceof PyDict) return v;
  if (Array.isArray(v)) return v.map((x) => fromPlain(x, depth + 1));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Object.keys(o).length === 1 && typeof o['__float__'] === 'number') return new PyFloat(o['__float__']);
    return new PyDict(Object.entries(o).map(([k, x]) => [k, fromPlain(x, depth + 1)] as [PyValue, PyValue]));
  }
  throw new PyError('TypeError', `cannot convert a ${typeof v} result`);
}

/** Validate a module namespace and build its registry. Throws an Error naming the bad export. */
export function registryFromModule(mod: Record<string, unknown>, where: string): Registry {
  const fns = mod['functions'] ?? (mod['default'] as Record<string, unknown> | undefined)?.['functions'];
  if (!fns || typeof fns !== 'object') throw new Error(`${where}: the module must export \`functions\` (name → { params, run })`);
  const out: ExecFunction[] = [];
  for (const [name, d] of Object.entries(fns as Record<string, CustomFunction>)) {
    if (!d || !Array.isArray(d.params) || typeof d.run !== 'function') throw new Error(`${where}: functions.${name} needs \`params\` (array) and \`run\` (function)`);
    const raw = d.raw === true;
    out.push({
      name,
      params: signature(d.params),
      ...(d.network ? { network: true } : {}),
      impl: async (args) => {
        try {
          const r = await d.run(...(raw ? args : args.map(toPlain)));
          return raw ? (r as PyValue) : fromPlain(r);
        } catch (e) {
          if (e instanceof PyError) throw e;
          throw new PyError(e instanceof Error ? e.name : 'Exception', e instanceof Error ? e.message : String(e));
        }
      },
    });
  }
  return new Registry(out);
}
