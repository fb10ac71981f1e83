/**
 * Python 3 operator semantics over PyValue, as far as the executable function library needs them:
 * ints stay exact (bigint beyond 2^53), `/` is true division, `**` on ints is exact, bool is an int,
 * and every operation raises a PyError with CPython's message where Python raises.
 */
import { PyDict, PyError, PyFloat, PyTuple, pyEquals, pyInt, pyTypeName, type PyValue } from '../../core/pyvalue.js';
import { exactIntPow, intTrueDiv } from './pyfloat-math.js';

export type Num = number | bigint | PyFloat | boolean;

export const typeError = (msg: string): PyError => new PyError('TypeError', msg);

export function isNum(v: PyValue): v is Num {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat;
}

function isIntLike(v: PyValue): v is number | bigint | boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}

function big(v: number | bigint | boolean): bigint {
  return typeof v === 'bigint' ? v : BigInt(typeof v === 'boolean' ? (v ? 1 : 0) : v);
}

/** An int operand as a bigint (bool counts as int). */
export function asBig(v: PyValue): bigint {
  if (!isIntLike(v)) throw typeError(`'${pyTypeName(v)}' object cannot be interpreted as an integer`);
  return big(v);
}

/** Python `float(int)` of an int operand (OverflowError when too large). */
function toDouble(v: Num): number {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const d = Number(v);
  if (!Number.isFinite(d)) throw new PyError('OverflowError', 'int too large to convert to float');
  return d;
}

export const F = (x: number): PyFloat => new PyFloat(x);

function intResult(x: bigint): number | bigint {
  return pyInt(x);
}

function smallIntOp(a: number, b: number, op: (x: number, y: number) => number, bop: (x: bigint, y: bigint) => bigint): number | bigint {
  const r = op(a, b);
  if (Number.isSafeInteger(r)) return r;
  return intResult(bop(BigInt(a), BigInt(b)));
}

function intBin(a: number | bigint | boolean, b: number | bigint | boolean, op: (x: number, y: number) => number, bop: (x: bigint, y: bigint) => bigint): number | bigint {
  const x = typeof a === 'boolean' ? (a ? 1 : 0) : a;
  const y = typeof b === 'boolean' ? (b ? 1 : 0) : b;
  if (typeof x === 'number' && typeof y === 'number') return smallIntOp(x, y, op, bop);
  return intResult(bop(big(x), big(y)));
}

function unsupported(op: string, a: PyValue, b: PyValue): PyError {
  return typeError(`unsupported operand type(s) for ${op}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

function checkFloat(x: number): PyFloat {
  return new PyFloat(x);
}

/** `a + b` */
export function add(a: PyValue, b: PyValue): PyValue {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) return intBin(a, b, (x, y) => x + y, (x, y) => x + y);
    return checkFloat(toDouble(a) + toDouble(b));
  }
  if (typeof a === 'string') {
    if (typeof b === 'string') return a + b;
    throw typeError(`can only concatenate str (not "${pyTypeName(b)}") to str`);
  }
  if (Array.isArray(a)) {
    if (Array.isArray(b)) return [...a, ...b];
    throw typeError(`can only concatenate list (not "${pyTypeName(b)}") to list`);
  }
  if (a instanceof PyTuple) {
    if (b instanceof PyTuple) return new PyTuple([...a.items, ...b.items]);
    throw typeError(`can only concatenate tuple (not "${pyTypeName(b)}") to tuple`);
  }
  throw unsupported('+', a, b);
}

/** `a - b` */
export function sub(a: PyValue, b: PyValue): PyValue {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) return intBin(a, b, (x, y) => x - y, (x, y) => x - y);
    return checkFloat(toDouble(a) - toDouble(b));
  }
  throw unsupported('-', a, b);
}

const MAX_REPEAT_ITEMS = 10_000_000;

function repeat<T>(items: T[], times: bigint | number | boolean): T[] {
  const n = Number(big(times));
  if (n <= 0) return [];
  if (items.length * n > MAX_REPEAT_ITEMS) throw new PyError('MemoryError', '');
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(...items);
  return out;
}

/** `a * b` */
export function mul(a: PyValue, b: PyValue): PyValue {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) return intBin(a, b, (x, y) => x * y, (x, y) => x * y);
    return checkFloat(toDouble(a) * toDouble(b));
  }
  const seqTimes = (seq: PyValue, n: PyValue): PyValue | undefined => {
    if (!isIntLike(n)) return undefined;
    if (typeof seq === 'string') {
      const k = Number(big(n));
      if (k <= 0) return '';
      if (seq.length * k > MAX_REPEAT_ITEMS) throw new PyError('MemoryError', '');
      return seq.repeat(k);
    }
    if (Array.isArray(seq)) return repeat(seq, n);
    if (seq instanceof PyTuple) return new PyTuple(repeat(seq.items, n));
    return undefined;
  };
  const r = seqTimes(a, b) ?? seqTimes(b, a);
  if (r !== undefined) return r;
  if ((typeof a === 'string' || Array.isArray(a) || a instanceof PyTuple) && !isIntLike(b))
    throw typeError(`can't multiply sequence by non-int of type '${pyTypeName(b)}'`);
  if ((typeof b === 'string' || Array.isArray(b) || b instanceof PyTuple) && !isIntLike(a))
    throw typeError(`can't multiply sequence by non-int of type '${pyTypeName(a)}'`);
  throw unsupported('*', a, b);
}

/** `a / b` */
export function truediv(a: PyValue, b: PyValue): PyFloat {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) {
      const y = big(b);
      if (y === 0n) throw new PyError('ZeroDivisionError', 'division by zero');
      const q = intTrueDiv(big(a), y);
      if (!Number.isFinite(q)) throw new PyError('OverflowError', 'integer division result too large for a float');
      return F(q);
    }
    const y = toDouble(b);
    if (y === 0) throw new PyError('ZeroDivisionError', 'float division by zero');
    return F(toDouble(a) / y);
  }
  throw unsupported('/', a, b);
}

function floorMod(x: bigint, y: bigint): bigint {
  const r = x % y;
  return r !== 0n && r < 0n !== y < 0n ? r + y : r;
}

/** `a % b` (numbers only; str % formatting is not needed). */
export function mod(a: PyValue, b: PyValue): PyValue {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) {
      const y = big(b);
      if (y === 0n) throw new PyError('ZeroDivisionError', 'integer division or modulo by zero');
      return intResult(floorMod(big(a), y));
    }
    const x = toDouble(a);
    const y = toDouble(b);
    if (y === 0) throw new PyError('ZeroDivisionError', 'float modulo');
    let r = x % y;
    if (r !== 0) {
      if (r < 0 !== y < 0) r += y;
    } else r = y < 0 ? -0 : 0;
    return F(r);
  }
  throw unsupported('%', a, b);
}

/** C `pow` for doubles as CPython's float_pow uses it (complex results are not supported). */
export function floatPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return x === 1 ? 1 : y;
  if (x === 0 && y < 0) throw new PyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (x < 0 && Number.isFinite(x) && !Number.isInteger(y))
    // CPython returns a complex number here; fcbench does not model complex results.
    throw new PyError('ValueError', 'complex result (negative number raised to a fractional power) is not supported');
  let r: number | undefined;
  if (y === 0.5 && Number.isFinite(x)) r = Math.sqrt(x);
  else r = exactIntPow(x, y) ?? Math.pow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) throw new PyError('OverflowError', '(34, \'Numerical result out of range\')');
  return r;
}

const MAX_INT_POW_BITS = 1_000_000;

/** `a ** b` */
export function pow(a: PyValue, b: PyValue): PyValue {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) {
      const e = big(b);
      const x = big(a);
      if (e >= 0n) {
        const bits = x === 0n || x === 1n || x === -1n ? 1 : x.toString(2).length;
        if (Number(e) * bits > MAX_INT_POW_BITS) throw new PyError('MemoryError', 'integer power too large');
        return intResult(x ** e);
      }
      return F(floatPow(toDouble(a), toDouble(b)));
    }
    return F(floatPow(toDouble(a), toDouble(b)));
  }
  throw unsupported('** or pow()', a, b);
}

/** unary `-a` */
export function neg(a: PyValue): PyValue {
  if (isIntLike(a)) return intResult(-big(a));
  if (a instanceof PyFloat) return F(-a.value);
  throw typeError(`bad operand type for unary -: '${pyTypeName(a)}'`);
}

/** `abs(a)` */
export function pyAbs(a: PyValue): PyValue {
  if (isIntLike(a)) {
    const x = big(a);
    return intResult(x < 0n ? -x : x);
  }
  if (a instanceof PyFloat) return F(Math.abs(a.value));
  throw typeError(`bad operand type for abs(): '${pyTypeName(a)}'`);
}

/** Three-way comparison for `<`, `>` … (numbers, str, list/tuple lexicographic). */
export function compare(a: PyValue, b: PyValue, op: string): number {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) {
      const x = big(a);
      const y = big(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const x = isIntLike(a) ? Number(big(a)) : (a as PyFloat).value;
    const y = isIntLike(b) ? Number(big(b)) : (b as PyFloat).value;
    if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    // Code-point order, as Python compares str.
    const ca = [...a];
    const cb = [...b];
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
      const d = ca[i]!.codePointAt(0)! - cb[i]!.codePointAt(0)!;
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return ca.length - cb.length < 0 ? -1 : ca.length > cb.length ? 1 : 0;
  }
  const seq = (x: PyValue): PyValue[] | undefined => (Array.isArray(x) ? x : undefined);
  const tup = (x: PyValue): PyValue[] | undefined => (x instanceof PyTuple ? x.items : undefined);
  const sa = seq(a) ?? tup(a);
  const sb = Array.isArray(a) ? seq(b) : a instanceof PyTuple ? tup(b) : undefined;
  if (sa && sb) {
    for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
      if (!pyEquals(sa[i]!, sb[i]!)) return compare(sa[i]!, sb[i]!, op);
    }
    return sa.length < sb.length ? -1 : sa.length > sb.length ? 1 : 0;
  }
  throw typeError(`'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

export const lt = (a: PyValue, b: PyValue): boolean => compare(a, b, '<') < 0;
export const gt = (a: PyValue, b: PyValue): boolean => compare(a, b, '>') > 0;
export const le = (a: PyValue, b: PyValue): boolean => compare(a, b, '<=') <= 0;
export const ge = (a: PyValue, b: PyValue): boolean => compare(a, b, '>=') >= 0;

/** Python truthiness. */
export function truthy(v: PyValue): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof PyFloat) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyTuple) return v.items.length > 0;
  return v.size > 0;
}

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
  let k = Number(big(i));
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
  if (!isIntLike(v)) throw typeError(`'${pyTypeName(v)}' object cannot be interpreted as an integer`);
  const x = big(v);
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
  const rev = big(reverse) !== 0n;
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

/** Python `!=` / `==` */
export const eq = pyEquals;
