/**
 * Python built-ins the executable function library needs (`len`, `v[i]`, iteration, `sum`, `range`,
 * `sorted`, `int(s, 2)`, `bin`, `str[a:]`), raising a PyError with CPython's message where Python
 * raises. The operators themselves (`+`, `<`, truthiness …) are src/core/pyops.ts.
 */
import { add, asBig, isIntLike, lt, typeError } from '../../core/pyops.js';
import { PyDict, PyError, PyFloat, PyTuple, pyInt, pyTypeName, type PyValue } from '../../core/pyvalue.js';

/** `len(v)` */
export function len(v: PyValue): number {
  if (typeof v === 'string') {
    let n = 0;
    for (const _ of v) n++;
    return n;
  }
  if (Array.isArray(v)) return v.length;
  if (v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict) return v.size;
  throw typeError(`object of type '${pyTypeName(v)}' has no len()`);
}

/** `v[i]` for list / tuple / str / dict. */
export function getitem(v: PyValue, i: PyValue): PyValue {
  if (v instanceof PyDict) {
    const r = v.get(i);
    if (r === undefined) throw new PyError('KeyError', pyReprShort(i));
    return r;
  }
  const kind = Array.isArray(v) ? 'list' : v instanceof PyTuple ? 'tuple' : typeof v === 'string' ? 'string' : undefined;
  if (!kind) throw typeError(`'${pyTypeName(v)}' object is not subscriptable`);
  if (!isIntLike(i)) throw typeError(`${kind} indices must be integers${kind === 'string' ? '' : ' or slices'}, not ${pyTypeName(i)}`);
  const items: PyValue[] = Array.isArray(v) ? v : v instanceof PyTuple ? v.items : [...(v as string)];
  let k = Number(asBig(i));
  if (k < 0) k += items.length;
  if (k < 0 || k >= items.length) throw new PyError('IndexError', `${kind === 'string' ? 'string' : kind} index out of range`);
  return items[k]!;
}

function pyReprShort(v: PyValue): string {
  if (typeof v === 'string') return `'${v}'`;
  return String(v instanceof PyFloat ? v.value : v);
}

/** The elements of an iterable (list, tuple, str, dict keys). */
export function iterate(v: PyValue): PyValue[] {
  if (Array.isArray(v)) return v;
  if (v instanceof PyTuple) return v.items;
  if (typeof v === 'string') return [...v];
  if (v instanceof PyDict) return v.keys();
  throw typeError(`'${pyTypeName(v)}' object is not iterable`);
}

/** `sum(items)` — start 0, left to right with `+`. */
export function pySum(items: PyValue): PyValue {
  let acc: PyValue = 0;
  for (const x of iterate(items)) acc = add(acc, x);
  return acc;
}

/** `range(a, b)` as a list of ints; floats raise like Python. */
export function pyRange(start: PyValue, stop: PyValue, limit: number): number[] {
  const a = rangeArg(start);
  const b = rangeArg(stop);
  if (b - a > limit) throw new PyError('ResourceError', `range of ${b - a} items exceeds the execution budget`);
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}

function rangeArg(v: PyValue): number {
  const x = asBig(v);
  if (x > BigInt(Number.MAX_SAFE_INTEGER) || x < BigInt(Number.MIN_SAFE_INTEGER)) throw new PyError('OverflowError', 'range too large');
  return Number(x);
}

/** `sorted(items, reverse=…)` — stable, `<` only, reverse keeps the order of equal items. */
export function pySorted(items: PyValue, reverse: PyValue): PyValue[] {
  if (!isIntLike(reverse) && reverse !== null) {
    if (reverse instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
    throw typeError(`'${pyTypeName(reverse)}' object cannot be interpreted as an integer`);
  }
  if (reverse === null) throw typeError("'NoneType' object cannot be interpreted as an integer");
  const rev = asBig(reverse) !== 0n;
  const list = [...iterate(items)];
  if (rev) list.reverse();
  list.sort((x, y) => (lt(x, y) ? -1 : lt(y, x) ? 1 : 0));
  if (rev) list.reverse();
  return list;
}

/** Python `int(s, base)` for a str; raises ValueError / TypeError like Python. */
export function intFromStr(s: PyValue, base: number): number | bigint {
  if (typeof s !== 'string') {
    throw typeError("int() can't convert non-string with explicit base");
  }
  const t = s.trim().replace(/_/g, (m, off: number, str: string) => (off > 0 && off < str.length - 1 ? '' : m));
  const m = /^([+-]?)(0[bB])?([01]+)$/.exec(t);
  if (base !== 2 || !m) throw new PyError('ValueError', `invalid literal for int() with base ${base}: ${pyReprQuoted(s)}`);
  const v = BigInt('0b' + m[3]!);
  return pyInt(m[1] === '-' ? -v : v);
}

function pyReprQuoted(s: string): string {
  return s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `bin(i)` */
export function bin(v: PyValue): string {
  const x = asBig(v);
  return x < 0n ? '-0b' + (-x).toString(2) : '0b' + x.toString(2);
}

/** `str[a:]` */
export function sliceFrom(s: string, start: number): string {
  return [...s].slice(start).join('');
}
