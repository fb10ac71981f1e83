/**
 * A hand-written recursive-descent parser for one Python expression (`ast.parse(src, mode="eval")`),
 * producing the small AST of python-ast.ts. It accepts what CPython 3.11's expression grammar accepts
 * (calls, attributes, subscripts and slices, literals, comprehensions, lambdas, f-strings, …) and raises
 * DecodeError (a Python-like SyntaxError message) for everything else. It never evaluates anything.
 */
import { DecodeError } from '../core/format.js';
import { PyFloat, pyInt } from '../core/pyvalue.js';
import type { BinOpName, Comprehension, Keyword, LambdaArg, LambdaArgs, Node } from './python-ast.js';
import { decodeStringBody } from './python-strings.js';
import { lineOf, tokenize, type Token } from './python-tokens.js';

/**
 * Deepest tree accepted. CPython raises "RecursionError: maximum recursion depth exceeded during
 * ast construction" near its recursion limit of 1000; so do we, which also keeps every later
 * recursive walk (resolve, unparse, arithmetic) far from the JavaScript stack limit.
 */
export const MAX_TREE_DEPTH = 1000;

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);

function recursionError(): DecodeError {
  return new DecodeError('RecursionError: maximum recursion depth exceeded during ast construction');
}

/** Parse one Python expression, as `ast.parse(src, mode="eval").body`. */
export function parsePythonExpression(src: string): Node {
  // The tokenizer of a string source translates newlines.
  const text = src.includes('\r') ? src.replace(/\r\n?/g, '\n') : src;
  try {
    const p = new Parser(text, tokenize(text));
    const node = p.starExpressions(true);
    p.skipNewlines();
    p.expectEnd();
    return node;
  } catch (e) {
    if (e instanceof RangeError) throw recursionError();
    throw e;
  }
}

class Parser {
  private i = 0;
  private nesting = 0;
  private readonly depth = new Map<Node, number>();

  constructor(
    private readonly src: string,
    private readonly toks: Token[],
  ) {}

  // ── token helpers ──────────────────────────────────────────────────────────

  private get tok(): Token {
    return this.toks[this.i]!;
  }

  private peek(k = 1): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]!;
  }

  private isOp(v: string, t: Token = this.tok): boolean {
    return t.k === 'op' && t.v === v;
  }

  private isKw(v: string, t: Token = this.tok): boolean {
    return t.k === 'name' && t.v === v;
  }

  private eatOp(v: string): boolean {
    if (this.isOp(v)) {
      this.i++;
      return true;
    }
    return false;
  }

  private eatKw(v: string): boolean {
    if (this.isKw(v)) {
      this.i++;
      return true;
    }
    return false;
  }

  private expectOp(v: string): void {
    if (!this.eatOp(v)) this.fail();
  }

  fail(msg?: string, t: Token = this.tok): never {
    let m = msg;
    if (m === undefined) {
      if (t.k === 'end') m = 'unexpected EOF while parsing';
      else if (t.k === 'newline') m = 'invalid syntax';
      else if (t.k === 'name' || t.k === 'num' || t.k === 'str') {
        const prev = this.toks[this.i - 1];
        m = prev && (prev.k === 'name' || prev.k === 'num' || prev.k === 'str') ? 'invalid syntax. Perhaps you forgot a comma?' : 'invalid syntax';
      } else m = 'invalid syntax';
    }
    throw new DecodeError(`SyntaxError: ${m} (<unknown>, line ${lineOf(this.src, t.pos)})`);
  }

  skipNewlines(): void {
    while (this.tok.k === 'newline') this.i++;
  }

  expectEnd(): void {
    if (this.tok.k !== 'end') this.fail();
  }

  private enter(): void {
    if (++this.nesting > MAX_TREE_DEPTH) throw recursionError();
  }

  private leave(): void {
    this.nesting--;
  }

  /** Record a node's depth (1 + deepest child) and refuse trees deeper than MAX_TREE_DEPTH. */
  private mk<T extends Node>(node: T, ...kids: Array<Node | null | undefined | Node[]>): T {
    let d = 0;
    for (const k of kids) {
      if (!k) continue;
      if (Array.isArray(k)) {
        for (const x of k) d = Math.max(d, this.depth.get(x) ?? 1);
      } else d = Math.max(d, this.depth.get(k) ?? 1);
    }
    if (d + 1 > MAX_TREE_DEPTH) throw recursionError();
    this.depth.set(node, d + 1);
    return node;
  }

  private startsExpression(t: Token = this.tok): boolean {
    if (t.k === 'num' || t.k === 'str') return true;
    if (t.k === 'name') return !KEYWORDS.has(t.v) || ['True', 'False', 'None', 'not', 'lambda', 'await'].includes(t.v);
    if (t.k === 'op') return ['(', '[', '{', '-', '+', '~', '...', '*'].includes(t.v);
    return false;
  }

  // ── expressions ────────────────────────────────────────────────────────────

  /** `star_expressions`: an expression, or a tuple without parentheses. */
  starExpressions(top = false): Node {
    const first = this.starExpression();
    if (!this.isOp(',')) {
      if (top && first.type === 'Starred') this.fail("can't use starred expression here");
      return first;
    }
    const elts = [first];
    while (this.eatOp(',')) {
      if (!this.startsExpression()) break;
      elts.push(this.starExpression());
    }
    return this.mk({ type: 'Tuple', elts }, elts);
  }

  private starExpression(): Node {
    if (this.eatOp('*')) {
      const v = this.bitwiseOr();
      return this.mk({ type: 'Starred', value: v }, v);
    }
    return this.expression();
  }

  private starNamedExpression(): Node {
    if (this.eatOp('*')) {
      const v = this.bitwiseOr();
      return this.mk({ type: 'Starred', value: v }, v);
    }
    return this.namedExpression();
  }

  private namedExpression(): Node {
    const t = this.tok;
    if (t.k === 'name' && !KEYWORDS.has(t.v) && this.isOp(':=', this.peek())) {
      this.i += 2;
      const target = this.mk({ type: 'Name', id: t.v });
      const value = this.expression();
      return this.mk({ type: 'NamedExpr', target, value }, target, value);
    }
    return this.expression();
  }

  expression(): Node {
    this.enter();
    try {
      if (this.isKw('lambda')) return this.lambda();
      const body = this.disjunction();
      if (!this.eatKw('if')) return body;
      const test = this.disjunction();
      if (!this.eatKw('else')) this.fail("expected 'else' after 'if' expression");
      const orelse = this.expression();
      return this.mk({ type: 'IfExp', test, body, orelse }, test, body, orelse);
    } finally {
      this.leave();
    }
  }

  private lambda(): Node {
    this.i++; // lambda
    const args: LambdaArgs = { posonly: [], args: [], vararg: null, kwonly: [], kwarg: null, bareStar: false };
    const seen = new Set<string>();
    const defaults: Node[] = [];
    const name = (): string => {
      const t = this.tok;
      if (t.k !== 'name' || KEYWORDS.has(t.v)) this.fail();
      if (seen.has(t.v)) this.fail(`duplicate argument '${t.v}' in function definition`);
      seen.add(t.v);
      this.i++;
      return t.v;
    };
    let star = false;
    let needDefault = false;
    while (!this.isOp(':')) {
      if (args.kwarg !== null) this.fail();
      if (this.eatOp('**')) {
        args.kwarg = name();
      } else if (this.eatOp('*')) {
        if (star) this.fail('* argument may appear only once');
        star = true;
        if (this.isOp(',') || this.isOp(':')) args.bareStar = true;
        else args.vararg = name();
      } else if (this.eatOp('/')) {
        if (star || args.posonly.length > 0 || args.args.length === 0) this.fail();
        args.posonly = args.args;
        args.args = [];
      } else {
        const a: LambdaArg = { name: name(), default: null };
        if (this.eatOp('=')) {
          a.default = this.expression();
          defaults.push(a.default);
          if (!star) needDefault = true;
        } else if (needDefault && !star) this.fail('non-default argument follows default argument');
        (star ? args.kwonly : args.args).push(a);
      }
      if (!this.eatOp(',')) break;
    }
    if (args.bareStar && args.kwonly.length === 0) this.fail('named arguments must follow bare *');
    this.expectOp(':');
    const body = this.expression();
    return this.mk({ type: 'Lambda', args, body }, body, defaults);
  }

  private disjunction(): Node {
    const first = this.conjunction();
    if (!this.isKw('or')) return first;
    const values = [first];
    while (this.eatKw('or')) values.push(this.conjunction());
    return this.mk({ type: 'BoolOp', op: 'or', values }, values);
  }

  private conjunction(): Node {
    const first = this.inversion();
    if (!this.isKw('and')) return first;
    const values = [first];
    while (this.eatKw('and')) values.push(this.inversion());
    return this.mk({ type: 'BoolOp', op: 'and', values }, values);
  }

  private inversion(): Node {
    if (this.eatKw('not')) {
      this.enter();
      try {
        const operand = this.inversion();
        return this.mk({ type: 'UnaryOp', op: 'not', operand }, operand);
      } finally {
        this.leave();
      }
    }
    return this.comparison();
  }

  private comparison(): Node {
    const left = this.bitwiseOr();
    const ops: string[] = [];
    const comparators: Node[] = [];
    for (;;) {
      const t = this.tok;
      let op: string | undefined;
      if (t.k === 'op' && COMPARE_OPS.has(t.v)) {
        op = t.v;
        this.i++;
      } else if (this.isKw('in')) {
        op = 'in';
        this.i++;
      } else if (this.isKw('not') && this.isKw('in', this.peek())) {
        op = 'not in';
        this.i += 2;
      } else if (this.isKw('is')) {
        this.i++;
        op = this.eatKw('not') ? 'is not' : 'is';
      }
      if (op === undefined) break;
      ops.push(op);
      comparators.push(this.bitwiseOr());
    }
    if (ops.length === 0) return left;
    return this.mk({ type: 'Compare', left, ops, comparators }, left, comparators);
  }

  private binary(ops: readonly string[], next: () => Node): Node {
    let left = next();
    for (;;) {
      const t = this.tok;
      if (t.k !== 'op' || !ops.includes(t.v)) return left;
      this.i++;
      const right = next();
      left = this.mk({ type: 'BinOp', op: t.v as BinOpName, left, right }, left, right);
    }
  }

  private bitwiseOr(): Node {
    return this.binary(['|'], () => this.bitwiseXor());
  }

  private bitwiseXor(): Node {
    return this.binary(['^'], () => this.bitwiseAnd());
  }

  private bitwiseAnd(): Node {
    return this.binary(['&'], () => this.shift());
  }

  private shift(): Node {
    return this.binary(['<<', '>>'], () => this.sum());
  }

  private sum(): Node {
    return this.binary(['+', '-'], () => this.term());
  }

  private term(): Node {
    return this.binary(['*', '/', '//', '%', '@'], () => this.factor());
  }

  private factor(): Node {
    const t = this.tok;
    if (t.k === 'op' && (t.v === '-' || t.v === '+' || t.v === '~')) {
      this.i++;
      this.enter();
      try {
        const operand = this.factor();
        return this.mk({ type: 'UnaryOp', op: t.v, operand }, operand);
      } finally {
        this.leave();
      }
    }
    return this.power();
  }

  private power(): Node {
    const base = this.awaitPrimary();
    if (!this.eatOp('**')) return base;
    this.enter();
    try {
      const exp = this.factor();
      return this.mk({ type: 'BinOp', op: '**', left: base, right: exp }, base, exp);
    } finally {
      this.leave();
    }
  }

  private awaitPrimary(): Node {
    if (this.eatKw('await')) {
      const v = this.primary();
      return this.mk({ type: 'Await', value: v }, v);
    }
    return this.primary();
  }

  private primary(): Node {
    let node = this.atom();
    for (;;) {
      if (this.eatOp('.')) {
        const t = this.tok;
        if (t.k !== 'name' || KEYWORDS.has(t.v)) this.fail();
        this.i++;
        node = this.mk({ type: 'Attribute', value: node, attr: t.v }, node);
      } else if (this.isOp('(')) {
        node = this.call(node);
      } else if (this.eatOp('[')) {
        const slice = this.slices();
        this.expectOp(']');
        node = this.mk({ type: 'Subscript', value: node, slice }, node, slice);
      } else return node;
    }
  }

  private call(func: Node): Node {
    this.i++; // (
    const args: Node[] = [];
    const keywords: Keyword[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    while (!this.isOp(')')) {
      const t = this.tok;
      if (this.eatOp('**')) {
        const value = this.expression();
        keywords.push({ arg: null, value });
        sawDoubleStar = true;
      } else if (this.isOp('*')) {
        if (sawDoubleStar) this.fail('iterable argument unpacking follows keyword argument unpacking');
        this.i++;
        const v = this.expression();
        args.push(this.mk({ type: 'Starred', value: v }, v));
      } else if (t.k === 'name' && this.isOp('=', this.peek())) {
        if (KEYWORDS.has(t.v)) this.fail(t.v === 'True' || t.v === 'False' || t.v === 'None' ? `cannot assign to ${t.v}` : undefined);
        this.i += 2;
        // A repeated keyword is refused by CPython's compiler, not by ast.parse: accepted here.
        keywords.push({ arg: t.v, value: this.expression() });
        sawKeyword = true;
      } else {
        const value = this.namedExpression();
        if (this.isKw('for') || this.isKw('async')) {
          const gen = this.comprehension('GeneratorExp', value);
          if (args.length > 0 || keywords.length > 0 || !this.isOp(')')) {
            if (!(this.isOp(',') && this.isOp(')', this.peek()) && args.length === 0 && keywords.length === 0)) {
              this.fail('Generator expression must be parenthesized');
            }
          }
          args.push(gen);
        } else {
          if (sawDoubleStar) this.fail('positional argument follows keyword argument unpacking');
          if (sawKeyword) this.fail('positional argument follows keyword argument');
          if (this.isOp('=')) this.fail('expression cannot contain assignment, perhaps you meant "=="?');
          args.push(value);
        }
      }
      if (!this.eatOp(',')) break;
    }
    this.expectOp(')');
    return this.mk(
      { type: 'Call', func, args, keywords },
      func,
      args,
      keywords.map((k) => k.value),
    );
  }

  private slices(): Node {
    const first = this.slice();
    if (!this.isOp(',')) return first.type === 'Starred' ? this.mk({ type: 'Tuple', elts: [first] }, first) : first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.slice());
    }
    return this.mk({ type: 'Tuple', elts }, elts);
  }

  private slice(): Node {
    if (this.isOp('*')) return this.starNamedExpression();
    let lower: Node | null = null;
    if (!this.isOp(':')) {
      lower = this.namedExpression();
      if (!this.isOp(':')) return lower;
    }
    this.i++; // :
    const endOfPart = (): boolean => this.isOp(':') || this.isOp(',') || this.isOp(']');
    const upper = endOfPart() ? null : this.expression();
    let step: Node | null = null;
    if (this.eatOp(':') && !(this.isOp(',') || this.isOp(']'))) step = this.expression();
    return this.mk({ type: 'Slice', lower, upper, step }, lower, upper, step);
  }

  // ── atoms ──────────────────────────────────────────────────────────────────

  private atom(): Node {
    const t = this.tok;
    switch (t.k) {
      case 'name': {
        if (t.v === 'True' || t.v === 'False') {
          this.i++;
          return this.mk({ type: 'Constant', value: t.v === 'True' });
        }
        if (t.v === 'None') {
          this.i++;
          return this.mk({ type: 'Constant', value: null });
        }
        if (KEYWORDS.has(t.v)) this.fail();
        this.i++;
        return this.mk({ type: 'Name', id: t.v });
      }
      case 'num':
        this.i++;
        return this.mk(numberNode(t.text));
      case 'str':
        return this.strings();
      case 'op':
        if (t.v === '(') return this.group();
        if (t.v === '[') return this.list();
        if (t.v === '{') return this.dictOrSet();
        if (t.v === '...') {
          this.i++;
          return this.mk({ type: 'Constant', value: '...', special: 'ellipsis' });
        }
        return this.fail();
      default:
        return this.fail();
    }
  }

  private group(): Node {
    this.i++; // (
    if (this.eatOp(')')) return this.mk({ type: 'Tuple', elts: [] });
    if (this.isKw('yield')) this.fail("'yield' outside function");
    const first = this.starNamedExpression();
    if (this.isKw('for') || this.isKw('async')) {
      const gen = this.comprehension('GeneratorExp', first);
      this.expectOp(')');
      return gen;
    }
    if (this.eatOp(')')) {
      if (first.type === 'Starred') this.fail('cannot use starred expression here');
      return first;
    }
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(')')) break;
      elts.push(this.starNamedExpression());
    }
    this.expectOp(')');
    return this.mk({ type: 'Tuple', elts }, elts);
  }

  private list(): Node {
    this.i++; // [
    if (this.eatOp(']')) return this.mk({ type: 'List', elts: [] });
    const first = this.starNamedExpression();
    if (this.isKw('for') || this.isKw('async')) {
      const comp = this.comprehension('ListComp', first);
      this.expectOp(']');
      return comp;
    }
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.starNamedExpression());
    }
    this.expectOp(']');
    return this.mk({ type: 'List', elts }, elts);
  }

  private dictOrSet(): Node {
    this.i++; // {
    if (this.eatOp('}')) return this.mk({ type: 'Dict', keys: [], values: [] });
    let isDict: boolean;
    const keys: Array<Node | null> = [];
    const values: Node[] = [];
    const elts: Node[] = [];
    const dictItem = (): void => {
      if (this.eatOp('**')) {
        keys.push(null);
        values.push(this.bitwiseOr());
        return;
      }
      keys.push(this.expression());
      this.expectOp(':');
      values.push(this.expression());
    };
    if (this.isOp('**')) {
      isDict = true;
      dictItem();
    } else {
      const first = this.starNamedExpression();
      if (first.type !== 'Starred' && first.type !== 'NamedExpr' && this.eatOp(':')) {
        isDict = true;
        const value = this.expression();
        if (this.isKw('for') || this.isKw('async')) {
          const generators = this.compFor();
          this.expectOp('}');
          return this.mk({ type: 'DictComp', key: first, value, generators }, first, value, genKids(generators));
        }
        keys.push(first);
        values.push(value);
      } else {
        isDict = false;
        if (this.isKw('for') || this.isKw('async')) {
          const comp = this.comprehension('SetComp', first);
          this.expectOp('}');
          return comp;
        }
        elts.push(first);
      }
    }
    while (this.eatOp(',')) {
      if (this.isOp('}')) break;
      if (isDict) dictItem();
      else elts.push(this.starNamedExpression());
    }
    this.expectOp('}');
    if (isDict) {
      return this.mk(
        { type: 'Dict', keys, values },
        keys.filter((k): k is Node => k !== null),
        values,
      );
    }
    return this.mk({ type: 'Set', elts }, elts);
  }

  private comprehension(type: 'ListComp' | 'SetComp' | 'GeneratorExp', elt: Node): Node {
    if (elt.type === 'Starred') this.fail('iterable unpacking cannot be used in comprehension');
    const generators = this.compFor();
    return this.mk({ type, elt, generators }, elt, genKids(generators));
  }

  private compFor(): Comprehension[] {
    const gens: Comprehension[] = [];
    for (;;) {
      const isAsync = this.eatKw('async');
      if (!this.eatKw('for')) {
        if (isAsync) this.fail();
        return gens;
      }
      const target = this.targets();
      if (!this.eatKw('in')) this.fail();
      const iter = this.disjunction();
      const ifs: Node[] = [];
      while (this.eatKw('if')) ifs.push(this.disjunction());
      gens.push({ target, iter, ifs, isAsync });
    }
  }

  /** `star_targets` of a `for` clause. */
  private targets(): Node {
    const one = (): Node => {
      let n: Node;
      if (this.eatOp('*')) {
        const v = this.bitwiseOr();
        n = this.mk({ type: 'Starred', value: v }, v);
      } else n = this.bitwiseOr();
      checkTarget(n, this);
      return n;
    };
    const first = one();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isKw('in')) break;
      elts.push(one());
    }
    return this.mk({ type: 'Tuple', elts }, elts);
  }

  // ── strings ────────────────────────────────────────────────────────────────

  private strings(): Node {
    const parts: Array<Extract<Token, { k: 'str' }>> = [];
    while (this.tok.k === 'str') {
      parts.push(this.tok as Extract<Token, { k: 'str' }>);
      this.i++;
    }
    const bytes = parts.map((p) => p.prefix.includes('b'));
    if (bytes.some((b) => b) && !bytes.every((b) => b)) this.fail('cannot mix bytes and nonbytes literals', parts[0]);
    const u = parts[0]!.prefix === 'u';
    if (bytes[0]) {
      const value = parts.map((p) => decodeStringBody(p.body, p.prefix.includes('r'), true)).join('');
      return this.mk({ type: 'Constant', value, special: 'bytes' });
    }
    if (!parts.some((p) => p.prefix.includes('f'))) {
      const value = parts.map((p) => decodeStringBody(p.body, p.prefix.includes('r'), false)).join('');
      return u ? this.mk({ type: 'Constant', value, u: true }) : this.mk({ type: 'Constant', value });
    }
    // An f-string somewhere: the whole concatenation is a JoinedStr.
    const values: Node[] = [];
    const pushText = (s: string): void => {
      const last = values[values.length - 1];
      if (last && last.type === 'Constant') last.value = (last.value as string) + s;
      else if (s !== '') values.push({ type: 'Constant', value: s });
    };
    for (const p of parts) {
      const raw = p.prefix.includes('r');
      if (!p.prefix.includes('f')) pushText(decodeStringBody(p.body, raw, false));
      else {
        for (const v of this.fstring(p.body, raw, p.pos, 0)) {
          if (v.type === 'Constant') pushText(v.value as string);
          else values.push(v);
        }
      }
    }
    for (const v of values) if (!this.depth.has(v)) this.mk(v, v.type === 'FormattedValue' ? [v.value, v.formatSpec ?? v.value] : null);
    return this.mk({ type: 'JoinedStr', values }, values);
  }

  /** The parts of one f-string body (CPython 3.11 rules: no backslash or '#' in expressions). */
  private fstring(body: string, raw: boolean, pos: number, level: number): Node[] {
    const out: Node[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit !== '') out.push({ type: 'Constant', value: decodeStringBody(lit, raw, false) });
      lit = '';
    };
    const err = (m: string): never => {
      throw new DecodeError(`SyntaxError: f-string: ${m} (<unknown>, line ${lineOf(this.src, pos)})`);
    };
    let i = 0;
    const n = body.length;
    while (i < n) {
      const c = body[i]!;
      if (c === '\\' && !raw) {
        lit += body.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (c === '}') {
        if (body[i + 1] === '}' && level === 0) {
          lit += '}';
          i += 2;
          continue;
        }
        err("single '}' is not allowed");
      }
      if (c !== '{') {
        lit += c;
        i++;
        continue;
      }
      if (body[i + 1] === '{' && level === 0) {
        lit += '{';
        i += 2;
        continue;
      }
      if (level >= 2) err('expressions nested too deeply');
      // A replacement field: find where its expression ends.
      let j = i + 1;
      let depth = 0;
      let quote: string | null = null;
      for (; j < n; j++) {
        const ch = body[j]!;
        if (quote) {
          if (body.startsWith(quote, j)) {
            j += quote.length - 1;
            quote = null;
          }
          continue;
        }
        if (ch === '\\') err('expression part cannot include a backslash');
        if (ch === '#') err("expression part cannot include '#'");
        if (ch === "'" || ch === '"') {
          quote = body.startsWith(ch.repeat(3), j) ? ch.repeat(3) : ch;
          j += quote.length - 1;
          continue;
        }
        if ('([{'.includes(ch)) depth++;
        else if (')]}'.includes(ch)) {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0) {
          if (ch === '!' && body[j + 1] !== '=') break;
          if (ch === ':') break;
          if (ch === '=' && !'=!<>'.includes(body[j - 1]!) && body[j + 1] !== '=') break;
        }
      }
      if (quote) err('unterminated string');
      if (j >= n) err("expecting '}'");
      const exprText = body.slice(i + 1, j);
      if (exprText.trim() === '') err('empty expression not allowed');
      let value: Node;
      try {
        value = parsePythonExpression('(' + exprText + ')');
      } catch (e) {
        if (e instanceof DecodeError) err('invalid syntax');
        throw e;
      }
      let conversion: string | null = null;
      let formatSpec: Node | null = null;
      const debug = body[j] === '=';
      if (debug) {
        lit += exprText + '=';
        j++;
      }
      if (body[j] === '!') {
        const conv = body[j + 1];
        if (conv === undefined || !'sra'.includes(conv)) err("invalid conversion character: expected 's', 'r', or 'a'");
        conversion = conv!;
        j += 2;
      }
      if (body[j] === ':') {
        // The format spec runs to the matching '}' and may hold nested replacement fields.
        let k = j + 1;
        let d = 0;
        for (; k < n; k++) {
          if (body[k] === '{') d++;
          else if (body[k] === '}') {
            if (d === 0) break;
            d--;
          }
        }
        if (k >= n) err("expecting '}'");
        formatSpec = { type: 'JoinedStr', values: this.fstring(body.slice(j + 1, k), raw, pos, level + 1) };
        j = k;
      }
      // `{x=}` shows the repr unless a conversion or a format spec is given.
      if (debug && conversion === null && formatSpec === null) conversion = 'r';
      if (body[j] !== '}') err("expecting '}'");
      flush();
      out.push({ type: 'FormattedValue', value, conversion, formatSpec });
      i = j + 1;
    }
    flush();
    return out;
  }
}

function genKids(gens: Comprehension[]): Node[] {
  return gens.flatMap((g) => [g.target, g.iter, ...g.ifs]);
}

function checkTarget(n: Node, p: Parser): void {
  switch (n.type) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      return;
    case 'Starred':
      return checkTarget(n.value, p);
    case 'Tuple':
    case 'List':
      for (const e of n.elts) checkTarget(e, p);
      return;
    default:
      p.fail('cannot assign to expression');
  }
}

/** The Constant node of a number literal (int, float or imaginary). */
function numberNode(text: string): Node {
  const t = text.replace(/_/g, '');
  if (/[jJ]$/.test(t)) return { type: 'Constant', value: new PyFloat(Number(t.slice(0, -1))), special: 'complex' };
  if (/^0[xXoObB]/.test(t)) return { type: 'Constant', value: pyInt(BigInt(t.toLowerCase())) };
  if (/[.eE]/.test(t)) return { type: 'Constant', value: new PyFloat(Number(t)) };
  return { type: 'Constant', value: t.length < 16 ? Number(t) : pyInt(BigInt(t)) };
}
