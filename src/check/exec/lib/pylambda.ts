/**
 * A tiny interpreter for the Python expressions that `estimate_derivative` receives as text
 * (`"lambda x: 3*x**2 + 2*x + 1"`). BFCL passes the string to Python's `eval`; fcbench parses
 * it into arithmetic over PyValue instead: numbers, names, + - * / // % **, unary ±, parentheses,
 * `lambda`, and calls of a few `math` functions. Anything else raises like a failing eval would.
 * No JavaScript is ever evaluated.
 */
import { PyError, PyFloat, pyInt, pyTypeName, type PyValue } from '../../../core/pyvalue.js';
import { binaryOp, F, pow, pyAbs, typeError, unaryOp, type PyBinOp } from '../../../core/pyops.js';
import type { Budget } from '../registry.js';

/** The binary operators the interpreter evaluates (`//` parses but is not supported). */
const LAMBDA_BIN_OPS: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '**']);

type Node =
  | { k: 'num'; v: PyValue }
  | { k: 'name'; id: string }
  | { k: 'attr'; obj: Node; attr: string }
  | { k: 'bin'; op: string; l: Node; r: Node }
  | { k: 'neg'; e: Node; plus: boolean }
  | { k: 'call'; fn: Node; args: Node[] }
  | { k: 'lambda'; params: string[]; body: Node };

/** A runtime value of the interpreter: a PyValue, a callable, or the `math` module. */
export type LValue = PyValue | LCallable | { module: 'math' } | { opaque: string };
export interface LCallable {
  call: (args: LValue[]) => LValue;
  name: string;
}

const syntax = (msg: string): PyError => new PyError('SyntaxError', msg);
const MAX_DEPTH = 100;
const MAX_LEN = 10_000;

function tokenize(src: string): string[] {
  if (src.length > MAX_LEN) throw syntax('expression too long');
  const re = /\s*(?:(\d[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\*\*|\/\/|[-+*/%(),.:]))/y;
  const out: string[] = [];
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw syntax(`invalid syntax at ${i}`);
    out.push(m[1] ?? m[2] ?? m[3]!);
    i = re.lastIndex;
  }
  return out;
}

class Parser {
  i = 0;
  depth = 0;
  constructor(readonly t: string[]) {}
  peek(): string | undefined {
    return this.t[this.i];
  }
  next(): string {
    const x = this.t[this.i++];
    if (x === undefined) throw syntax('unexpected EOF while parsing');
    return x;
  }
  expect(s: string): void {
    if (this.next() !== s) throw syntax('invalid syntax');
  }
  enter(): void {
    if (++this.depth > MAX_DEPTH) throw syntax('too many nested parentheses');
  }
  expr(): Node {
    this.enter();
    try {
      if (this.peek() === 'lambda') {
        this.next();
        const params: string[] = [];
        while (this.peek() !== ':') {
          const p = this.next();
          if (!/^[A-Za-z_]\w*$/.test(p)) throw syntax('invalid syntax');
          params.push(p);
          if (this.peek() === ',') this.next();
        }
        this.expect(':');
        return { k: 'lambda', params, body: this.expr() };
      }
      return this.arith();
    } finally {
      this.depth--;
    }
  }
  arith(): Node {
    let l = this.term();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.next();
      l = { k: 'bin', op, l, r: this.term() };
    }
    return l;
  }
  term(): Node {
    let l = this.unary();
    while (['*', '/', '//', '%'].includes(this.peek() ?? '')) {
      const op = this.next();
      l = { k: 'bin', op, l, r: this.unary() };
    }
    return l;
  }
  unary(): Node {
    const p = this.peek();
    if (p === '-' || p === '+') {
      this.next();
      this.enter();
      try {
        return { k: 'neg', e: this.unary(), plus: p === '+' };
      } finally {
        this.depth--;
      }
    }
    return this.power();
  }
  power(): Node {
    const base = this.primary();
    if (this.peek() === '**') {
      this.next();
      this.enter();
      try {
        return { k: 'bin', op: '**', l: base, r: this.unary() };
      } finally {
        this.depth--;
      }
    }
    return base;
  }
  primary(): Node {
    let n = this.atom();
    for (;;) {
      if (this.peek() === '.') {
        this.next();
        n = { k: 'attr', obj: n, attr: this.next() };
      } else if (this.peek() === '(') {
        this.next();
        const args: Node[] = [];
        while (this.peek() !== ')') {
          args.push(this.expr());
          if (this.peek() === ',') this.next();
          else break;
        }
        this.expect(')');
        n = { k: 'call', fn: n, args };
      } else return n;
    }
  }
  atom(): Node {
    const x = this.next();
    if (x === '(') {
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (/^[\d.]/.test(x)) {
      const clean = x.replace(/_/g, '');
      if (/^\d+$/.test(clean)) return { k: 'num', v: pyInt(BigInt(clean)) };
      return { k: 'num', v: F(Number(clean)) };
    }
    if (/^[A-Za-z_]/.test(x) && x !== 'lambda') return { k: 'name', id: x };
    throw syntax('invalid syntax');
  }
}

/** Parse `src` as one Python expression (the subset above). Throws PyError('SyntaxError'). */
export function parseExpression(src: string): Node {
  const p = new Parser(tokenize(src.trim()));
  const n = p.expr();
  if (p.i !== p.t.length) throw syntax('invalid syntax');
  return n;
}

function toNumber(v: LValue, fn: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.value;
  throw typeError(`must be real number, not ${describe(v)}${fn ? '' : ''}`);
}

function describe(v: LValue): string {
  if (v !== null && typeof v === 'object' && 'call' in v) return 'function';
  if (v !== null && typeof v === 'object' && 'module' in v) return 'module';
  if (v !== null && typeof v === 'object' && 'opaque' in v) return v.opaque;
  return pyTypeName(v as PyValue);
}

const mathFn = (name: string, f: (...xs: number[]) => number, arity: number[]): LCallable => ({
  name,
  call: (args) => {
    if (!arity.includes(args.length)) throw typeError(`${name} expected ${arity[0]} argument${arity[0] === 1 ? '' : 's'}, got ${args.length}`);
    const r = f(...args.map((a) => toNumber(a, name)));
    if (Number.isNaN(r)) throw new PyError('ValueError', 'math domain error');
    return F(r);
  },
});

const MATH: Record<string, LValue> = {
  pi: F(Math.PI),
  e: F(Math.E),
  tau: F(2 * Math.PI),
  inf: F(Infinity),
  sqrt: mathFn('sqrt', Math.sqrt, [1]),
  exp: mathFn('exp', Math.exp, [1]),
  log: mathFn('log', (x, b) => (b === undefined ? Math.log(x) : Math.log(x) / Math.log(b)), [1, 2]),
  log10: mathFn('log10', Math.log10, [1]),
  log2: mathFn('log2', Math.log2, [1]),
  sin: mathFn('sin', Math.sin, [1]),
  cos: mathFn('cos', Math.cos, [1]),
  tan: mathFn('tan', Math.tan, [1]),
  fabs: mathFn('fabs', Math.abs, [1]),
  pow: { name: 'pow', call: (args) => (args.length === 2 ? F(toNumber(pow(F(toNumber(args[0]!, 'pow')), F(toNumber(args[1]!, 'pow'))) as PyValue, 'pow')) : raiseArity('pow', 2, args.length)) },
};

function raiseArity(name: string, n: number, got: number): never {
  throw typeError(`${name} expected ${n} arguments, got ${got}`);
}

const BUILTINS: Record<string, LValue> = {
  abs: { name: 'abs', call: (args) => (args.length === 1 ? pyAbs(asPy(args[0]!)) : raiseArity('abs', 1, args.length)) },
  pow: { name: 'pow', call: (args) => (args.length === 2 ? pow(asPy(args[0]!), asPy(args[1]!)) : raiseArity('pow', 2, args.length)) },
};

function asPy(v: LValue): PyValue {
  if (v !== null && typeof v === 'object' && ('call' in v || 'module' in v || 'opaque' in v)) throw typeError(`unsupported operand type: '${describe(v)}'`);
  return v as PyValue;
}

function isCallable(v: LValue): v is LCallable {
  return v !== null && typeof v === 'object' && 'call' in v;
}

/** Evaluate a parsed expression; `scope` maps names first, then the module's globals (math, builtins). */
export function evaluate(n: Node, scope: Map<string, LValue>, globals: Map<string, LValue>, budget: Budget, depth = 0): LValue {
  budget.tick();
  if (depth > 200) throw new PyError('RecursionError', 'maximum recursion depth exceeded');
  switch (n.k) {
    case 'num':
      return n.v;
    case 'name': {
      const v = scope.get(n.id) ?? globals.get(n.id) ?? BUILTINS[n.id];
      if (v === undefined) throw new PyError('NameError', `name '${n.id}' is not defined`);
      return v;
    }
    case 'attr': {
      const o = evaluate(n.obj, scope, globals, budget, depth + 1);
      if (o !== null && typeof o === 'object' && 'module' in o) {
        const v = MATH[n.attr];
        if (v === undefined) throw new PyError('AttributeError', `module 'math' has no attribute '${n.attr}'`);
        return v;
      }
      throw new PyError('AttributeError', `'${describe(o)}' object has no attribute '${n.attr}'`);
    }
    case 'neg': {
      return unaryOp(n.plus ? '+' : '-', asPy(evaluate(n.e, scope, globals, budget, depth + 1)));
    }
    case 'bin': {
      const l = asPy(evaluate(n.l, scope, globals, budget, depth + 1));
      const r = asPy(evaluate(n.r, scope, globals, budget, depth + 1));
      if (!LAMBDA_BIN_OPS.has(n.op)) throw new PyError('NotImplementedError', `operator ${n.op} is not supported`);
      return binaryOp(n.op as PyBinOp, l, r);
    }
    case 'call': {
      const f = evaluate(n.fn, scope, globals, budget, depth + 1);
      const args = n.args.map((a) => evaluate(a, scope, globals, budget, depth + 1));
      if (!isCallable(f)) throw typeError(`'${describe(f)}' object is not callable`);
      return f.call(args);
    }
    case 'lambda': {
      const params = n.params;
      const body = n.body;
      return {
        name: '<lambda>',
        call: (args) => {
          if (args.length > params.length)
            throw typeError(`<lambda>() takes ${params.length} positional argument${params.length === 1 ? '' : 's'} but ${args.length} were given`);
          if (args.length < params.length) {
            const missing = params.slice(args.length).map((p) => `'${p}'`);
            throw typeError(`<lambda>() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${missing.join(' and ')}`);
          }
          // A lambda made by Python's eval sees its parameters and the module globals, not the caller's locals.
          const inner = new Map<string, LValue>(params.map((p, i) => [p, args[i]!]));
          return evaluate(body, inner, globals, budget, depth + 1);
        },
      };
    }
  }
}

/** The globals of BFCL's function module as far as an eval'd expression can reach them. */
export function moduleGlobals(): Map<string, LValue> {
  // BFCL quirk: the module opened a credentials file as `f` at import time; `f(x)` is "not callable".
  return new Map<string, LValue>([
    ['math', { module: 'math' }],
    ['f', { opaque: '_io.TextIOWrapper' }],
  ]);
}

export { isCallable, asPy };
