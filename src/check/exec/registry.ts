/**
 * The registry of executable functions: name → a TypeScript implementation with a Python-style
 * signature. A model's call is executed by looking its name up here and binding its decoded
 * arguments exactly as Python would (positional, keyword, defaults, and CPython's TypeErrors).
 * Nothing is ever evaluated as code.
 */
import { PyDict, PyError, type PyValue } from '../../core/pyvalue.js';
import type { HttpLayer } from './http.js';

/** One parameter of a Python signature; `default` present means optional. */
export interface ParamSpec {
  name: string;
  default?: PyValue;
}

/** A positional/keyword parameter list written like Python: `['base', 'height']`, `['array', ['reverse', false]]`. */
export type SignatureSpec = Array<string | [string, PyValue]>;

/** What an executing function may use. */
export interface ExecContext {
  /** Counts work done by loops; throws a ResourceError when the call's budget is spent. */
  budget: Budget;
  /** The HTTP layer for functions that call web APIs (absent: those functions need network). */
  http?: HttpLayer;
  signal?: AbortSignal;
}

export interface ExecFunction {
  name: string;
  params: ParamSpec[];
  /** True when the function calls a web API (its results depend on the outside world). */
  network?: boolean;
  /** Arguments arrive bound to `params`, in order. */
  impl(args: PyValue[], ctx: ExecContext): PyValue | Promise<PyValue>;
}

/** Raised when the work or time budget of one call is spent. */
export class ResourceError extends PyError {
  constructor(message: string) {
    super('ResourceError', message);
  }
}

/** A step and wall-clock budget for one call (pure code cannot be pre-empted, so loops count). */
export class Budget {
  private steps = 0;
  private readonly deadline: number;
  constructor(
    readonly maxSteps: number,
    readonly timeLimitMs: number,
  ) {
    this.deadline = Date.now() + timeLimitMs;
  }
  tick(n = 1): void {
    this.steps += n;
    if (this.steps > this.maxSteps) throw new ResourceError(`execution budget of ${this.maxSteps} steps exceeded`);
    if ((this.steps & 1023) < n && Date.now() > this.deadline) throw new ResourceError(`time limit of ${this.timeLimitMs} ms exceeded`);
  }
  get remainingMs(): number {
    return Math.max(0, this.deadline - Date.now());
  }
}

export function signature(spec: SignatureSpec): ParamSpec[] {
  return spec.map((p) => (typeof p === 'string' ? { name: p } : { name: p[0], default: p[1] }));
}

export function defineFunction(
  name: string,
  spec: SignatureSpec,
  impl: ExecFunction['impl'],
  opts: { network?: boolean } = {},
): ExecFunction {
  return { name, params: signature(spec), impl, ...(opts.network ? { network: true } : {}) };
}

function listNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0]!;
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/** Python's argument binding; raises CPython's TypeError messages. */
export function bindArguments(fn: Pick<ExecFunction, 'name' | 'params'>, args: readonly PyValue[], kwargs: PyDict): PyValue[] {
  const params = fn.params;
  const bound: Array<PyValue | undefined> = new Array(params.length).fill(undefined);
  if (args.length > params.length) {
    const required = params.filter((p) => !('default' in p)).length;
    const takes = required === params.length ? `${params.length}` : `from ${required} to ${params.length}`;
    throw new PyError(
      'TypeError',
      `${fn.name}() takes ${takes} positional argument${params.length === 1 && required === params.length ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`,
    );
  }
  args.forEach((a, i) => (bound[i] = a));
  for (const [k, v] of kwargs.entries()) {
    if (typeof k !== 'string') throw new PyError('TypeError', 'keywords must be strings');
    const i = params.findIndex((p) => p.name === k);
    if (i < 0) throw new PyError('TypeError', `${fn.name}() got an unexpected keyword argument '${k}'`);
    if (bound[i] !== undefined) throw new PyError('TypeError', `${fn.name}() got multiple values for argument '${k}'`);
    bound[i] = v;
  }
  const missing: string[] = [];
  params.forEach((p, i) => {
    if (bound[i] === undefined) {
      if ('default' in p) bound[i] = p.default;
      else missing.push(p.name);
    }
  });
  if (missing.length > 0)
    throw new PyError(
      'TypeError',
      `${fn.name}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${listNames(missing)}`,
    );
  return bound as PyValue[];
}

/** A set of executable functions, looked up by exact name. */
export class Registry {
  private readonly fns = new Map<string, ExecFunction>();
  constructor(fns: Iterable<ExecFunction> = []) {
    for (const f of fns) this.add(f);
  }
  add(fn: ExecFunction): this {
    if (this.fns.has(fn.name)) throw new Error(`executable function '${fn.name}' is registered twice`);
    this.fns.set(fn.name, fn);
    return this;
  }
  get(name: string): ExecFunction | undefined {
    return this.fns.get(name);
  }
  has(name: string): boolean {
    return this.fns.has(name);
  }
  names(): string[] {
    return [...this.fns.keys()];
  }
  /** A new registry with this one's functions plus `others` (later wins on a clash). */
  merged(others: Registry): Registry {
    const r = new Registry();
    for (const n of this.names()) r.fns.set(n, this.fns.get(n)!);
    for (const n of others.names()) r.fns.set(n, others.fns.get(n)!);
    return r;
  }
}

export const kw = (obj: Record<string, PyValue>): PyDict => PyDict.fromObject(obj);
