/** Render AST nodes back to source text the way Python 3.11's `ast.unparse` does. */
import { pyFloatRepr } from '../core/pyrepr.js';
import { PyFloat } from '../core/pyvalue.js';
import type { LambdaArg, LambdaArgs, Node } from './python-ast.js';

// Python's ast._Precedence, in increasing order.
const P = {
  NAMED_EXPR: 1,
  TUPLE: 2,
  YIELD: 3,
  TEST: 4,
  OR: 5,
  AND: 6,
  NOT: 7,
  CMP: 8,
  EXPR: 9,
  BOR: 9,
  BXOR: 10,
  BAND: 11,
  SHIFT: 12,
  ARITH: 13,
  TERM: 14,
  FACTOR: 15,
  POWER: 16,
  AWAIT: 17,
  ATOM: 18,
} as const;

const BINOP_PREC: Record<string, number> = {
  '+': P.ARITH, '-': P.ARITH, '*': P.TERM, '@': P.TERM, '/': P.TERM, '%': P.TERM, '//': P.TERM,
  '<<': P.SHIFT, '>>': P.SHIFT, '|': P.BOR, '^': P.BXOR, '&': P.BAND, '**': P.POWER,
};

const INFSTR = '1e309';
const ALL_QUOTES = ["'", '"', '"""', "'''"];

/** `ast.unparse(node)`. */
export function unparse(node: Node): string {
  return new Unparser(false).visit(node, P.TEST);
}

/** Python's `str.isprintable()` for one character. */
function isPrintable(ch: string): boolean {
  if (ch === ' ') return true;
  return !/[\p{C}\p{Z}]/u.test(ch);
}

/** `ch.encode("unicode_escape").decode()` for one character. */
function unicodeEscape(ch: string): string {
  if (ch === '\\') return '\\\\';
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  const c = ch.codePointAt(0)!;
  if (c < 0x100) return '\\x' + c.toString(16).padStart(2, '0');
  if (c < 0x10000) return '\\u' + c.toString(16).padStart(4, '0');
  return '\\U' + c.toString(16).padStart(8, '0');
}

/** Python `repr(str)` (exact printable rules). */
export function reprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (!isPrintable(ch)) out += unicodeEscape(ch);
    else out += ch;
  }
  return out + quote;
}

/** Python `repr(bytes)` of a latin-1 byte string. */
export function reprBytes(b: string): string {
  const quote = b.includes("'") && !b.includes('"') ? '"' : "'";
  let out = 'b' + quote;
  for (let i = 0; i < b.length; i++) {
    const ch = b[i]!;
    const c = b.charCodeAt(i);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

function floatText(x: number): string {
  return pyFloatRepr(x).replace('inf', INFSTR);
}

/** Python's `_str_literal_helper`: the escaped text and the quote kinds still possible. */
function strLiteralHelper(s: string, quoteTypes: string[], escapeSpecialWhitespace: boolean): [string, string[]] {
  let escaped = '';
  for (const ch of s) {
    if (!escapeSpecialWhitespace && (ch === '\n' || ch === '\t')) escaped += ch;
    else if (ch === '\\' || !isPrintable(ch)) escaped += unicodeEscape(ch);
    else escaped += ch;
  }
  let possible = quoteTypes;
  if (escaped.includes('\n')) possible = possible.filter((q) => q.length === 3);
  possible = possible.filter((q) => !escaped.includes(q));
  if (possible.length === 0) {
    const r = reprStr(s);
    const quote = quoteTypes.find((q) => q.includes(r[0]!)) ?? r[0]!;
    return [r.slice(1, -1), [quote]];
  }
  if (escaped) {
    const last = escaped[escaped.length - 1]!;
    // Stable sort: prefer quotes whose character differs from the last one.
    possible = [...possible.filter((q) => q[0] !== last), ...possible.filter((q) => q[0] === last)];
    if (possible[0]![0] === last) escaped = escaped.slice(0, -1) + '\\' + last;
  }
  return [escaped, possible];
}

class Unparser {
  constructor(private readonly avoidBackslashes: boolean) {}

  /** Render `node` where the context requires precedence `prec` (Python's set_precedence). */
  visit(node: Node, prec: number): string {
    const paren = (own: number, s: () => string): string => (prec > own ? `(${s()})` : s());
    switch (node.type) {
      case 'Constant':
        return this.constant(node);
      case 'Name':
        return node.id;
      case 'Attribute': {
        const v = this.visit(node.value, P.ATOM);
        const isIntConst = node.value.type === 'Constant' && !node.value.special && (typeof node.value.value === 'number' || typeof node.value.value === 'bigint');
        return v + (isIntConst ? ' ' : '') + '.' + node.attr;
      }
      case 'Subscript': {
        const v = this.visit(node.value, P.ATOM);
        const s = node.slice;
        if (s.type === 'Tuple' && s.elts.length > 0 && !s.elts.some((e) => e.type === 'Starred')) return `${v}[${this.itemsView(s.elts)}]`;
        return `${v}[${this.visit(s, P.TEST)}]`;
      }
      case 'Slice': {
        let out = node.lower ? this.visit(node.lower, P.TEST) : '';
        out += ':';
        if (node.upper) out += this.visit(node.upper, P.TEST);
        if (node.step) out += ':' + this.visit(node.step, P.TEST);
        return out;
      }
      case 'Call': {
        const parts = node.args.map((a) => this.visit(a, P.TEST));
        for (const k of node.keywords) parts.push(k.arg === null ? '**' + this.visit(k.value, P.TEST) : `${k.arg}=${this.visit(k.value, P.TEST)}`);
        return `${this.visit(node.func, P.ATOM)}(${parts.join(', ')})`;
      }
      case 'Starred':
        return '*' + this.visit(node.value, P.EXPR);
      case 'List':
        return '[' + node.elts.map((e) => this.visit(e, P.TEST)).join(', ') + ']';
      case 'Tuple': {
        const body = this.itemsView(node.elts);
        return node.elts.length === 0 || prec > P.TUPLE ? `(${body})` : body;
      }
      case 'Set':
        return node.elts.length ? '{' + node.elts.map((e) => this.visit(e, P.TEST)).join(', ') + '}' : '{*()}';
      case 'Dict':
        return (
          '{' +
          node.keys
            .map((k, i) => (k === null ? '**' + this.visit(node.values[i]!, P.EXPR) : `${this.visit(k, P.TEST)}: ${this.visit(node.values[i]!, P.TEST)}`))
            .join(', ') +
          '}'
        );
      case 'BinOp': {
        const own = BINOP_PREC[node.op]!;
        const rightAssoc = node.op === '**';
        return paren(own, () => `${this.visit(node.left, rightAssoc ? own + 1 : own)} ${node.op} ${this.visit(node.right, rightAssoc ? own : own + 1)}`);
      }
      case 'UnaryOp': {
        const own = node.op === 'not' ? P.NOT : P.FACTOR;
        return paren(own, () => (node.op === 'not' ? 'not ' : node.op) + this.visit(node.operand, own));
      }
      case 'BoolOp': {
        let level = node.op === 'and' ? P.AND : P.OR;
        const own = level;
        return paren(own, () => node.values.map((v) => this.visit(v, ++level)).join(` ${node.op} `));
      }
      case 'Compare':
        return paren(P.CMP, () => this.visit(node.left, P.CMP + 1) + node.ops.map((op, i) => ` ${op} ${this.visit(node.comparators[i]!, P.CMP + 1)}`).join(''));
      case 'IfExp':
        return paren(P.TEST, () => `${this.visit(node.body, P.TEST + 1)} if ${this.visit(node.test, P.TEST + 1)} else ${this.visit(node.orelse, P.TEST)}`);
      case 'Lambda':
        return paren(P.TEST, () => {
          const a = this.lambdaArgs(node.args);
          return 'lambda' + (a ? ' ' + a : '') + ': ' + this.visit(node.body, P.TEST);
        });
      case 'NamedExpr':
        return paren(P.NAMED_EXPR, () => `${this.visit(node.target, P.ATOM)} := ${this.visit(node.value, P.ATOM)}`);
      case 'ListComp':
        return '[' + this.visit(node.elt, P.TEST) + this.gens(node.generators) + ']';
      case 'SetComp':
        return '{' + this.visit(node.elt, P.TEST) + this.gens(node.generators) + '}';
      case 'GeneratorExp':
        return '(' + this.visit(node.elt, P.TEST) + this.gens(node.generators) + ')';
      case 'DictComp':
        return '{' + this.visit(node.key, P.TEST) + ': ' + this.visit(node.value, P.TEST) + this.gens(node.generators) + '}';
      case 'Await':
        return paren(P.AWAIT, () => 'await ' + this.visit(node.value, P.ATOM));
      case 'Yield':
        return paren(P.YIELD, () => (node.from ? 'yield from ' : 'yield') + (node.value ? (node.from ? '' : ' ') + this.visit(node.value, P.YIELD) : ''));
      case 'JoinedStr':
        return this.joinedStr(node.values);
      case 'FormattedValue':
        return this.joinedStr([node]);
    }
  }

  private itemsView(elts: Node[]): string {
    if (elts.length === 1) return this.visit(elts[0]!, P.TEST) + ',';
    return elts.map((e) => this.visit(e, P.TEST)).join(', ');
  }

  private gens(gens: Array<{ target: Node; iter: Node; ifs: Node[]; isAsync: boolean }>): string {
    return gens
      .map(
        (g) =>
          (g.isAsync ? ' async for ' : ' for ') +
          this.visit(g.target, P.TUPLE) +
          ' in ' +
          this.visit(g.iter, P.TEST + 1) +
          g.ifs.map((c) => ' if ' + this.visit(c, P.TEST + 1)).join(''),
      )
      .join('');
  }

  private lambdaArgs(a: LambdaArgs): string {
    const one = (x: LambdaArg): string => (x.default ? `${x.name}=${this.visit(x.default, P.TEST)}` : x.name);
    const parts: string[] = a.posonly.map(one);
    if (a.posonly.length) parts.push('/');
    parts.push(...a.args.map(one));
    if (a.vararg !== null) parts.push('*' + a.vararg);
    else if (a.kwonly.length) parts.push('*');
    parts.push(...a.kwonly.map(one));
    if (a.kwarg !== null) parts.push('**' + a.kwarg);
    return parts.join(', ');
  }

  private constant(node: Extract<Node, { type: 'Constant' }>): string {
    const v = node.value;
    if (node.special === 'ellipsis') return '...';
    if (node.special === 'bytes') return reprBytes(v as string);
    if (node.special === 'complex') {
      const im = (v as PyFloat).value;
      return floatText(im).replace(/\.0$/, '') + 'j';
    }
    if (typeof v === 'string') {
      const prefix = node.u ? 'u' : '';
      if (this.avoidBackslashes) {
        const [s, q] = strLiteralHelper(v, ALL_QUOTES, false);
        return `${prefix}${q[0]}${s}${q[0]}`;
      }
      return prefix + reprStr(v);
    }
    if (v === null) return 'None';
    if (typeof v === 'boolean') return v ? 'True' : 'False';
    if (v instanceof PyFloat) return floatText(v.value);
    return String(v);
  }

  /** Python 3.11 `visit_JoinedStr`. */
  private joinedStr(values: Node[]): string {
    const pieces: Array<[string, boolean]> = values.map((v) => [this.fstringPart(v), v.type === 'Constant']);
    if (this.avoidBackslashes) {
      const [s, q] = strLiteralHelper(pieces.map((p) => p[0]).join(''), ALL_QUOTES, false);
      return `f${q[0]}${s}${q[0]}`;
    }
    let quoteTypes = ALL_QUOTES;
    let body = '';
    for (const [text, isConst] of pieces) {
      const [s, q] = strLiteralHelper(text, quoteTypes, isConst);
      quoteTypes = q;
      body += s;
    }
    return `f${quoteTypes[0]}${body}${quoteTypes[0]}`;
  }

  private fstringPart(v: Node): string {
    if (v.type === 'Constant') return String(v.value).replace(/\{/g, '{{').replace(/\}/g, '}}');
    if (v.type === 'JoinedStr') return v.values.map((x) => this.fstringPart(x)).join('');
    if (v.type !== 'FormattedValue') return '';
    const expr = new Unparser(true).visit(v.value, P.TEST + 1);
    let out = '{' + (expr.startsWith('{') ? ' ' : '') + expr;
    if (v.conversion) out += '!' + v.conversion;
    if (v.formatSpec) out += ':' + this.fstringPart(v.formatSpec);
    return out + '}';
  }
}
