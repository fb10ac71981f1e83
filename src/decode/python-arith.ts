/**
 * Evaluation of literal expressions with Python semantics: constants, unary operators, list / tuple /
 * dict displays and binary operators (+ - * / // % ** << >> & | ^) over int, float, bool, str, list
 * and tuple. Names, calls and everything else raise DecodeError — nothing is ever executed.
 * Results are capped in size (MAX_INT_BITS, MAX_SEQ_LEN), so `2**99999999` fails fast instead of hanging.
 */
import { DecodeError } from '../core/format.js';
import { pyTypeName, PyDict, PyError, PyFloat, PyTuple, pyInt, type PyValue } from '../core/pyvalue.js';
import type { BinOpName, Node } from './python-ast.js';

/** Largest int result (in bits) we compute; Python would go on, we refuse. */
export const MAX_INT_BITS = 1 << 16;
/** Longest str / list / tuple result we build. */
export const MAX_SEQ_LEN = 1 << 22;

const NODE_CLASS: Record<string, string> = { Starred: 'Starred' };

function typeError(msg: string): DecodeError {
  return new DecodeError(`TypeError: ${msg}`);
}

function tooBig(): DecodeError {
  return new DecodeError('OverflowError: result too large to decode (fcbench size cap)');
}

/** Evaluate a literal expression node (what `eval(ast.unparse(node))` gives, minus any name lookup). */
export function evaluateLiteral(node: Node): PyValue {
  switch (node.type) {
    case 'Constant':
      if (node.special === 'ellipsis') throw typeError('Ellipsis is not a supported value here');
      if (node.special === 'bytes') throw typeError('bytes values are not supported by this decoder');
      if (node.special === 'complex') throw typeError('complex values are not supported by this decoder');
      return node.value;
    case 'UnaryOp':
      return unaryOp(node.op, evaluateLiteral(node.operand));
    case 'BinOp':
      return binaryOp(node.op, evaluateLiteral(node.left), evaluateLiteral(node.right));
    case 'List':
      return node.elts.map(evaluateLiteral);
    case 'Tuple':
      return new PyTuple(node.elts.map(evaluateLiteral));
    case 'Dict': {
      const d = new PyDict();
      node.keys.forEach((k, i) => {
        if (k === null) throw typeError('dict unpacking is not supported by this decoder');
        const key = evaluateLiteral(k);
        const value = evaluateLiteral(node.values[i]!);
        try {
          d.set(key, value);
        } catch (e) {
          if (e instanceof PyError) throw new DecodeError(e.message);
          throw e;
        }
      });
      return d;
    }
    case 'Name':
      throw new DecodeError(`NameError: name '${node.id}' is not defined`);
    default:
      throw new DecodeError(`ValueError: cannot evaluate a ${NODE_CLASS[node.type] ?? node.type} expression without executing code`);
  }
}

/** Python's unary `-`, `+`, `~`, `not`. */
export function unaryOp(op: string, v: PyValue): PyValue {
  if (op === 'not') return !truthy(v);
  if (typeof v === 'boolean') v = v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'bigint') {
    if (op === '+') return v;
    if (op === '-') return typeof v === 'bigint' ? pyInt(-v) : v === 0 ? 0 : pyInt(-BigInt(v));
    return pyInt(-BigInt(v) - 1n);
  }
  if (v instanceof PyFloat && op !== '~') return op === '-' ? new PyFloat(-v.value) : v;
  throw typeError(`bad operand type for unary ${op}: '${pyTypeName(v)}'`);
}

function truthy(v: PyValue): boolean {
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

function bitLength(x: bigint): number {
  const a = x < 0n ? -x : x;
  return a === 0n ? 0 : a.toString(16).length * 4;
}

function checkInt(x: bigint): number | bigint {
  if (bitLength(x) > MAX_INT_BITS) throw tooBig();
  return pyInt(x);
}

function asBig(v: PyValue): bigint | undefined {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') return BigInt(v);
  if (typeof v === 'bigint') return v;
  return undefined;
}

function intToFloat(x: bigint): number {
  const f = Number(x);
  if (!Number.isFinite(f)) throw new DecodeError('OverflowError: int too large to convert to float');
  return f;
}

function asFloat(v: PyValue): number | undefined {
  if (v instanceof PyFloat) return v.value;
  const b = asBig(v);
  return b === undefined ? undefined : intToFloat(b);
}

function seqLen(n: number): number {
  if (n > MAX_SEQ_LEN) throw tooBig();
  return n;
}

function unsupported(op: string, a: PyValue, b: PyValue): DecodeError {
  const sym = op === '**' ? '** or pow()' : op;
  return typeError(`unsupported operand type(s) for ${sym}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Python float `%` and `//` (CPython float_divmod). */
function floatDivmod(vx: number, wx: number): [number, number] {
  if (wx === 0) throw new DecodeError('ZeroDivisionError: float modulo');
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

function repeat(seq: PyValue, count: PyValue): PyValue | undefined {
  const nb = asBig(count);
  if (nb === undefined) return undefined;
  const n = nb <= 0n ? 0 : nb > BigInt(MAX_SEQ_LEN) ? MAX_SEQ_LEN + 1 : Number(nb);
  if (typeof seq === 'string') return seq.length === 0 ? '' : (seqLen(seq.length * n), seq.repeat(n));
  if (Array.isArray(seq) || seq instanceof PyTuple) {
    const items = Array.isArray(seq) ? seq : seq.items;
    const out: PyValue[] = [];
    if (items.length > 0) seqLen(items.length * n);
    for (let i = 0; i < n && items.length > 0; i++) out.push(...items);
    return Array.isArray(seq) ? out : new PyTuple(out);
  }
  return undefined;
}

/** Python binary operator on two values. */
export function binaryOp(op: BinOpName, a: PyValue, b: PyValue): PyValue {
  const ai = asBig(a);
  const bi = asBig(b);
  // int (and bool) on both sides.
  if (ai !== undefined && bi !== undefined) {
    const bothBool = typeof a === 'boolean' && typeof b === 'boolean';
    switch (op) {
      case '+':
        return checkInt(ai + bi);
      case '-':
        return checkInt(ai - bi);
      case '*':
        if (bitLength(ai) + bitLength(bi) > MAX_INT_BITS + 1) throw tooBig();
        return checkInt(ai * bi);
      case '/': {
        if (bi === 0n) throw new DecodeError('ZeroDivisionError: division by zero');
        if (typeof a !== 'bigint' && typeof b !== 'bigint') return new PyFloat(Number(ai) / Number(bi));
        const q = Number(ai) / Number(bi);
        if (!Number.isFinite(q)) throw new DecodeError('OverflowError: integer division result too large for a float');
        return new PyFloat(q);
      }
      case '//':
        if (bi === 0n) throw new DecodeError('ZeroDivisionError: integer division or modulo by zero');
        return pyInt(floorDivBig(ai, bi));
      case '%':
        if (bi === 0n) throw new DecodeError('ZeroDivisionError: integer modulo by zero');
        return pyInt(ai - floorDivBig(ai, bi) * bi);
      case '**': {
        if (bi < 0n) {
          if (ai === 0n) throw new DecodeError('ZeroDivisionError: 0.0 cannot be raised to a negative power');
          return floatPow(intToFloat(ai), intToFloat(bi));
        }
        if (ai === 0n || ai === 1n) return bi === 0n ? 1 : pyInt(ai);
        if (ai === -1n) return bi % 2n === 0n ? 1 : -1;
        if (bi > BigInt(MAX_INT_BITS) || bitLength(ai) * Number(bi) > MAX_INT_BITS * 4) throw tooBig();
        return checkInt(ai ** bi);
      }
      case '<<':
        if (bi < 0n) throw new DecodeError('ValueError: negative shift count');
        if (ai === 0n) return 0;
        if (bi > BigInt(MAX_INT_BITS)) throw tooBig();
        return checkInt(ai << bi);
      case '>>':
        if (bi < 0n) throw new DecodeError('ValueError: negative shift count');
        return pyInt(bi > BigInt(MAX_INT_BITS * 4) ? (ai < 0n ? -1n : 0n) : ai >> bi);
      case '&':
        return bothBool ? (a as boolean) && (b as boolean) : pyInt(ai & bi);
      case '|':
        return bothBool ? (a as boolean) || (b as boolean) : pyInt(ai | bi);
      case '^':
        return bothBool ? a !== b : pyInt(ai ^ bi);
      default:
        throw unsupported(op, a, b);
    }
  }
  // float with int/bool/float.
  if ((a instanceof PyFloat || ai !== undefined) && (b instanceof PyFloat || bi !== undefined)) {
    const x = asFloat(a)!;
    const y = asFloat(b)!;
    switch (op) {
      case '+':
        return new PyFloat(x + y);
      case '-':
        return new PyFloat(x - y);
      case '*':
        return new PyFloat(x * y);
      case '/':
        if (y === 0) throw new DecodeError('ZeroDivisionError: float division by zero');
        return new PyFloat(x / y);
      case '//':
        if (y === 0) throw new DecodeError('ZeroDivisionError: float floor division by zero');
        return new PyFloat(floatDivmod(x, y)[0]);
      case '%':
        return new PyFloat(floatDivmod(x, y)[1]);
      case '**':
        return floatPow(x, y);
      default:
        throw unsupported(op, a, b);
    }
  }
  // Sequences.
  if (op === '+') {
    if (typeof a === 'string' && typeof b === 'string') {
      seqLen(a.length + b.length);
      return a + b;
    }
    if (Array.isArray(a) && Array.isArray(b)) return (seqLen(a.length + b.length), [...a, ...b]);
    if (a instanceof PyTuple && b instanceof PyTuple) return (seqLen(a.items.length + b.items.length), new PyTuple([...a.items, ...b.items]));
    if (typeof a === 'string' || typeof b === 'string') {
      if (typeof a === 'string') throw typeError(`can only concatenate str (not "${pyTypeName(b)}") to str`);
    }
    if (Array.isArray(a)) throw typeError(`can only concatenate list (not "${pyTypeName(b)}") to list`);
    if (a instanceof PyTuple) throw typeError(`can only concatenate tuple (not "${pyTypeName(b)}") to tuple`);
  }
  if (op === '*') {
    const r = repeat(a, b) ?? repeat(b, a);
    if (r !== undefined) return r;
    if (typeof a === 'string' || typeof b === 'string' || Array.isArray(a) || Array.isArray(b) || a instanceof PyTuple || b instanceof PyTuple) {
      throw typeError(`can't multiply sequence by non-int of type '${pyTypeName(typeof a === 'string' || Array.isArray(a) || a instanceof PyTuple ? b : a)}'`);
    }
  }
  if (op === '%' && typeof a === 'string') throw typeError('printf-style string formatting is not supported by this decoder');
  if (op === '|' && a instanceof PyDict && b instanceof PyDict) {
    const d = a.copy();
    for (const [k, v] of b) d.set(k, v);
    return d;
  }
  throw unsupported(op, a, b);
}

function floatPow(x: number, y: number): PyValue {
  if (x === 0 && y < 0) throw new DecodeError('ZeroDivisionError: 0.0 cannot be raised to a negative power');
  if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) throw typeError('complex results are not supported by this decoder');
  if (x === 1 || y === 0) return new PyFloat(1);
  const r = Math.pow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) throw new DecodeError("OverflowError: (34, 'Numerical result out of range')");
  return new PyFloat(r);
}
