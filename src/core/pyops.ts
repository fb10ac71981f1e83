/**
 * Python 3 operators over PyValue, shared by the decoder (literal arithmetic in model output) and the
 * executable function library: ints stay exact (bigint beyond 2^53), bool is an int, `/` is true
 * division (correctly rounded), `**` on ints is exact, float `%` / `//` / `**` follow CPython, and
 * every operation raises a PyError with CPython's message where Python raises.
 *
 * Results are capped in size (PyLimits): where Python would go on computing (`2**99999999`), we raise
 * `limits.tooBig()` instead of hanging. Complex results are not modelled: they raise ValueError.
 */
import { exactIntPow, intTrueDiv } from './pyfloat-math.js';
import { PyDict, PyError, PyFloat, PyTuple, pyEquals, pyInt, pyTypeName, type PyValue } from './pyvalue.js';

/** Size caps on operator results. */
export interface PyLimits {
  /** Largest int result, in bits. */
  readonly maxIntBits: number;
  /** Longest str / list / tuple result. */
  readonly maxSeqLen: number;
  /** The exception a result over a cap raises. */
  readonly tooBig: () => PyError;
}

/** The caps used unless a caller passes its own (the executable function library uses these). */
export const DEFAULT_LIMITS: PyLimits = {
  maxIntBits: 1_000_000,
  maxSeqLen: 10_000_000,
  tooBig: () => new PyError('MemoryError', 'result too large (fcbench size cap)'),
};

export type Num = number | bigint | PyFloat | boolean;

/** Python's binary operators (`@` is always unsupported: there are no matrices here). */
export type PyBinOp = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^' | '@';
export type PyUnaryOp = '-' | '+' | '~' | 'not';

export const typeError = (msg: string): PyError => new PyError('TypeError', msg);

export const F = (x: number): PyFloat => new PyFloat(x);

export function isNum(v: PyValue): v is Num {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat;
}

/** An int operand (bool counts as int). */
export function isIntLike(v: PyValue): v is number | bigint | boolean {
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

/** Python `float(x)` of a number operand (OverflowError for an int too large). */
function toDouble(v: Num): number {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const d = Number(v);
  if (!Number.isFinite(d)) throw new PyError('OverflowError', 'int too large to convert to float');
  return d;
}

/** Bit length rounded up to a multiple of 4 (cheap: hex digits). */
function hexBits(x: bigint): number {
  const a = x < 0n ? -x : x;
  return a === 0n ? 0 : a.toString(16).length * 4;
}

function bitLen(x: bigint): number {
  const a = x < 0n ? -x : x;
  return a === 0n ? 0 : a.toString(2).length;
}

function checkInt(x: bigint, lim: PyLimits): number | bigint {
  if (hexBits(x) > lim.maxIntBits) throw lim.tooBig();
  return pyInt(x);
}

function seqLen(n: number, lim: PyLimits): void {
  if (n > lim.maxSeqLen) throw lim.tooBig();
}

/** int op int, in doubles while the result is exact, in bigints otherwise. */
function intBin(
  a: number | bigint | boolean,
  b: number | bigint | boolean,
  op: (x: number, y: number) => number,
  bop: (x: bigint, y: bigint) => bigint,
  lim: PyLimits,
): number | bigint {
  const x = typeof a === 'boolean' ? (a ? 1 : 0) : a;
  const y = typeof b === 'boolean' ? (b ? 1 : 0) : b;
  if (typeof x === 'number' && typeof y === 'number') {
    const r = op(x, y);
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r; // no int -0
  }
  return checkInt(bop(big(x), big(y)), lim);
}

function unsupported(op: string, a: PyValue, b: PyValue): PyError {
  return typeError(`unsupported operand type(s) for ${op}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

/** `a + b` */
export function add(a: PyValue, b: PyValue, lim: PyLimits = DEFAULT_LIMITS): PyValue {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) return intBin(a, b, (x, y) => x + y, (x, y) => x + y, lim);
    return F(toDouble(a) + toDouble(b));
  }
  if (typeof a === 'string') {
    if (typeof b !== 'string') throw typeError(`can only concatenate str (not "${pyTypeName(b)}") to str`);
    seqLen(a.length + b.length, lim);
    return a + b;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) throw typeError(`can only concatenate list (not "${pyTypeName(b)}") to list`);
    seqLen(a.length + b.length, lim);
    return [...a, ...b];
  }
  if (a instanceof PyTuple) {
    if (!(b instanceof PyTuple)) throw typeError(`can only concatenate tuple (not "${pyTypeName(b)}") to tuple`);
    seqLen(a.items.length + b.items.length, lim);
    return new PyTuple([...a.items, ...b.items]);
  }
  throw unsupported('+', a, b);
}

/** `a - b` */
export function sub(a: PyValue, b: PyValue, lim: PyLimits = DEFAULT_LIMITS): PyValue {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) return intBin(a, b, (x, y) => x - y, (x, y) => x - y, lim);
    return F(toDouble(a) - toDouble(b));
  }
  throw unsupported('-', a, b);
}

/** `seq * count` for str / list / tuple and an int count; undefined when that is not the case. */
function repeat(seq: PyValue, count: PyValue, lim: PyLimits): PyValue | undefined {
  if (!isIntLike(count)) return undefined;
  const nb = big(count);
  const n = nb <= 0n ? 0 : nb > BigInt(lim.maxSeqLen) ? lim.maxSeqLen + 1 : Number(nb);
  if (typeof seq === 'string') {
    if (seq.length === 0) return '';
    seqLen(seq.length * n, lim);
    return seq.repeat(n);
  }
  if (Array.isArray(seq) || seq instanceof PyTuple) {
    const items = Array.isArray(seq) ? seq : seq.items;
    const out: PyValue[] = [];
    if (items.length > 0) {
      seqLen(items.length * n, lim);
      for (let i = 0; i < n; i++) out.push(...items);
    }
    return Array.isArray(seq) ? out : new PyTuple(out);
  }
  return undefined;
}

const isSeq = (v: PyValue): boolean => typeof v === 'string' || Array.isArray(v) || v instanceof PyTuple;

/** `a * b` */
export function mul(a: PyValue, b: PyValue, lim: PyLimits = DEFAULT_LIMITS): PyValue {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) {
      if ((typeof a === 'bigint' || typeof b === 'bigint') && hexBits(big(a)) + hexBits(big(b)) > lim.maxIntBits + 1) throw lim.tooBig();
      return intBin(a, b, (x, y) => x * y, (x, y) => x * y, lim);
    }
    return F(toDouble(a) * toDouble(b));
  }
  const r = repeat(a, b, lim) ?? repeat(b, a, lim);
  if (r !== undefined) return r;
  if (isSeq(a) || isSeq(b)) throw typeError(`can't multiply sequence by non-int of type '${pyTypeName(isSeq(a) ? b : a)}'`);
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

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function floorModBig(x: bigint, y: bigint): bigint {
  const r = x % y;
  return r !== 0n && r < 0n !== y < 0n ? r + y : r;
}

/** Python float `//` and `%` (CPython float_divmod); y ≠ 0. */
function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1;
    }
  } else mod = wx < 0 ? -0 : 0;
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  return [floordiv, mod];
}

/** `a // b` */
export function floordiv(a: PyValue, b: PyValue): PyValue {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) {
      const y = big(b);
      if (y === 0n) throw new PyError('ZeroDivisionError', 'integer division or modulo by zero');
      return pyInt(floorDivBig(big(a), y));
    }
    const y = toDouble(b);
    const x = toDouble(a);
    if (y === 0) throw new PyError('ZeroDivisionError', 'float floor division by zero');
    return F(floatDivmod(x, y)[0]);
  }
  throw unsupported('//', a, b);
}

/** `a % b` (numbers; printf-style `str % …` formatting is not supported). */
export function mod(a: PyValue, b: PyValue): PyValue {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) {
      const y = big(b);
      if (y === 0n) throw new PyError('ZeroDivisionError', 'integer modulo by zero');
      return pyInt(floorModBig(big(a), y));
    }
    const x = toDouble(a);
    const y = toDouble(b);
    if (y === 0) throw new PyError('ZeroDivisionError', 'float modulo');
    return F(floatDivmod(x, y)[1]);
  }
  if (typeof a === 'string') throw typeError('printf-style string formatting is not supported by fcbench');
  throw unsupported('%', a, b);
}

/** C `pow` for doubles as CPython's float_pow uses it (complex results raise ValueError). */
export function floatPow(x: number, y: number): number {
  // JS Math.pow gives NaN for 1 ** ±inf, 1 ** nan and -1 ** ±inf; C pow (and Python) give 1.
  if (y === 0 || x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 && y < 0) throw new PyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y))
    // CPython returns a complex number here; fcbench does not model complex results.
    throw new PyError('ValueError', 'complex result (negative number raised to a fractional power) is not supported');
  let r: number;
  if (y === 0.5 && Number.isFinite(x) && x !== 0) r = Math.sqrt(x);
  else r = exactIntPow(x, y) ?? Math.pow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) throw new PyError('OverflowError', "(34, 'Numerical result out of range')");
  return r;
}

/** `a ** b` */
export function pow(a: PyValue, b: PyValue, lim: PyLimits = DEFAULT_LIMITS): PyValue {
  if (isNum(a) && isNum(b)) {
    if (isIntLike(a) && isIntLike(b)) {
      const x = big(a);
      const e = big(b);
      if (e < 0n) return F(floatPow(toDouble(x), toDouble(e)));
      if (x === 0n || x === 1n) return e === 0n ? 1 : pyInt(x);
      if (x === -1n) return e % 2n === 0n ? 1 : -1;
      // |x| >= 2^(bits-1), so x ** e has more than (bits-1)·e bits: refuse what is surely over the cap uncomputed.
      if (e > BigInt(lim.maxIntBits) || (bitLen(x) - 1) * Number(e) >= lim.maxIntBits) throw lim.tooBig();
      return checkInt(x ** e, lim);
    }
    return F(floatPow(toDouble(a), toDouble(b)));
  }
  throw unsupported('** or pow()', a, b);
}

/** `a << b` */
export function lshift(a: PyValue, b: PyValue, lim: PyLimits = DEFAULT_LIMITS): PyValue {
  if (!isIntLike(a) || !isIntLike(b)) throw unsupported('<<', a, b);
  const x = big(a);
  const n = big(b);
  if (n < 0n) throw new PyError('ValueError', 'negative shift count');
  if (x === 0n) return 0;
  if (n > BigInt(lim.maxIntBits)) throw lim.tooBig();
  return checkInt(x << n, lim);
}

/** `a >> b` */
export function rshift(a: PyValue, b: PyValue): PyValue {
  if (!isIntLike(a) || !isIntLike(b)) throw unsupported('>>', a, b);
  const x = big(a);
  const n = big(b);
  if (n < 0n) throw new PyError('ValueError', 'negative shift count');
  return pyInt(n >= BigInt(bitLen(x)) ? (x < 0n ? -1n : 0n) : x >> n);
}

/** `a & b`, `a | b`, `a ^ b` (bool op bool stays bool; dict | dict merges). */
export function bitwise(op: '&' | '|' | '^', a: PyValue, b: PyValue): PyValue {
  if (isIntLike(a) && isIntLike(b)) {
    if (typeof a === 'boolean' && typeof b === 'boolean') return op === '&' ? a && b : op === '|' ? a || b : a !== b;
    const x = big(a);
    const y = big(b);
    return pyInt(op === '&' ? x & y : op === '|' ? x | y : x ^ y);
  }
  if (op === '|' && a instanceof PyDict && b instanceof PyDict) {
    const d = a.copy();
    for (const [k, v] of b) d.set(k, v);
    return d;
  }
  throw unsupported(op, a, b);
}

/** Any Python binary operator. */
export function binaryOp(op: PyBinOp, a: PyValue, b: PyValue, lim: PyLimits = DEFAULT_LIMITS): PyValue {
  switch (op) {
    case '+':
      return add(a, b, lim);
    case '-':
      return sub(a, b, lim);
    case '*':
      return mul(a, b, lim);
    case '/':
      return truediv(a, b);
    case '//':
      return floordiv(a, b);
    case '%':
      return mod(a, b);
    case '**':
      return pow(a, b, lim);
    case '<<':
      return lshift(a, b, lim);
    case '>>':
      return rshift(a, b);
    case '&':
    case '|':
    case '^':
      return bitwise(op, a, b);
    default:
      throw unsupported(op, a, b);
  }
}

/** Python's unary `-`, `+`, `~`, `not`. */
export function unaryOp(op: PyUnaryOp, v: PyValue): PyValue {
  if (op === 'not') return !truthy(v);
  if (typeof v === 'boolean') v = v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'bigint') {
    if (op === '+') return v;
    if (op === '-') return typeof v === 'bigint' ? pyInt(-v) : v === 0 ? 0 : pyInt(-BigInt(v));
    return pyInt(-BigInt(v) - 1n);
  }
  if (v instanceof PyFloat && op !== '~') return op === '-' ? F(-v.value) : v;
  throw typeError(`bad operand type for unary ${op}: '${pyTypeName(v)}'`);
}

/** unary `-a` */
export function neg(a: PyValue): PyValue {
  return unaryOp('-', a);
}

/** `abs(a)` */
export function pyAbs(a: PyValue): PyValue {
  if (isIntLike(a)) {
    const x = big(a);
    return pyInt(x < 0n ? -x : x);
  }
  if (a instanceof PyFloat) return F(Math.abs(a.value));
  throw typeError(`bad operand type for abs(): '${pyTypeName(a)}'`);
}

/** Three-way comparison for `<`, `>` … (numbers, str, list/tuple lexicographic); NaN when unordered. */
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

/** Python `==` */
export const eq = pyEquals;

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
