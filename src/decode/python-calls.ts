/**
 * BFCL's default prompting decoder for Python output (`decode_ast`, return format python, no tool-call
 * tag), bfcl-spec.md §4.1, on a hand-written parser: model output is parsed, never executed.
 */
import { DecodeError } from '../core/format.js';
import { pyFloatRepr } from '../core/pyrepr.js';
import { PyDict, PyFloat, PyTuple, type PyValue } from '../core/pyvalue.js';
import type { Node } from './python-ast.js';
import { evaluateLiteral, unaryOp } from './python-arith.js';
import { parsePythonExpression } from './python-parse.js';
import { reprBytes, unparse } from './python-unparse.js';

/** Characters Python's `str.strip()` removes (str.isspace). */
const PY_WHITESPACE = '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

/** Python `s.strip(chars)`. */
export function pyStrip(s: string, chars: string = PY_WHITESPACE): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a]!)) a++;
  while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Steps 1–2 of §4.1: strip `` ` ``, newline and space from both ends, then make sure of the brackets. */
export function bracketOutput(text: string): string {
  let t = pyStrip(text, '`\n ');
  if (!t.startsWith('[')) t = '[' + t;
  if (!t.endsWith(']')) t = t + ']';
  return t;
}

/**
 * BFCL decode_ast for the python return format: the raw model text → a list of `{name: {kw: value}}`.
 * Throws DecodeError (with a Python-like message) wherever the official decoder raises.
 */
export function decodePythonCalls(text: string): PyValue {
  const cleaned = pyStrip(pyStrip(bracketOutput(text)), "'");
  const body = parsePythonExpression(cleaned);
  if (body.type === 'Call') return [resolveCall(body)];
  if (body.type !== 'List' && body.type !== 'Tuple' && body.type !== 'Set') {
    throw new DecodeError(`AttributeError: '${body.type}' object has no attribute 'elts'`);
  }
  const out: PyValue[] = [];
  for (const elem of body.elts) {
    if (elem.type !== 'Call') throw new DecodeError('AssertionError: ');
    out.push(resolveCall(elem));
  }
  return out;
}

/** The dotted name of a call target: `a.b.c(...)` → "a.b.c". */
function dottedName(func: Node): string {
  const parts: string[] = [];
  let f = func;
  while (f.type === 'Attribute') {
    parts.push(f.attr);
    f = f.value;
  }
  // BFCL quirk: a base that is not a plain name (`"x".join(...)`, `f()(...)`) is silently left out.
  if (f.type === 'Name') parts.push(f.id);
  return parts.reverse().join('.');
}

/** One call → `{name: {keyword: value}}`. */
export function resolveCall(call: Extract<Node, { type: 'Call' }>): PyDict {
  const args = new PyDict();
  // BFCL quirk: positional arguments are silently dropped; `**mapping` is stored under the key None.
  for (const kw of call.keywords) args.set(kw.arg, resolveValue(kw.value));
  return new PyDict([[dottedName(call.func), args]]);
}

/** The decoded value of one keyword argument (the node table of §4.1). */
function resolveValue(node: Node): PyValue {
  switch (node.type) {
    case 'Constant':
      if (node.special === 'ellipsis') return '...';
      // fcbench difference: Python keeps a bytes / complex object here; PyValue has no such type, so the
      // value becomes its repr text (the call still decodes, as in BFCL; a checker rejects the value).
      if (node.special === 'bytes') return reprBytes(node.value as string);
      if (node.special === 'complex') return complexRepr(0, (node.value as PyFloat).value);
      return node.value;
    case 'UnaryOp':
      return resolveUnary(node);
    case 'List':
      return node.elts.map(resolveValue);
    case 'Tuple':
      return new PyTuple(node.elts.map(resolveValue));
    case 'Dict': {
      const d = new PyDict();
      node.keys.forEach((k, i) => {
        if (k === null) throw new DecodeError("Exception: Unsupported AST type: <class 'NoneType'>");
        const key = resolveValue(k);
        const value = resolveValue(node.values[i]!);
        try {
          d.set(key, value);
        } catch (e) {
          throw new DecodeError((e as Error).message);
        }
      });
      return d;
    }
    case 'BinOp':
      // BFCL evaluates the expression (eval of its source); we evaluate literals only.
      return evaluateLiteral(node);
    case 'Name':
      return node.id;
    case 'Call':
      return node.keywords.length === 0 ? unparse(node) : resolveCall(node);
    case 'Lambda':
      // BFCL quirk: the lambda branch always raises.
      throw new DecodeError("AttributeError: 'Lambda' object has no attribute 'body'");
    case 'Subscript':
      // BFCL quirk: the text is rebuilt from separately unparsed parts, so a tuple index keeps its
      // parentheses (`a[1, 2]` → "a[(1, 2)]") and the value loses any parentheses it needed.
      return unparse(node.value) + '[' + unparse(node.slice) + ']';
    default:
      throw new DecodeError(`Exception: Unsupported AST type: <class 'ast.${node.type}'>`);
  }
}

/** BFCL quirk: a unary operator always negates the constant operand (`+5` → -5, `not True` → -1). */
function resolveUnary(node: Extract<Node, { type: 'UnaryOp' }>): PyValue {
  const operand = node.operand;
  if (operand.type !== 'Constant') {
    if (['Attribute', 'Subscript', 'Starred', 'NamedExpr', 'Await', 'DictComp', 'FormattedValue'].includes(operand.type)) {
      throw new DecodeError(`TypeError: bad operand type for unary -: '${operand.type}'`);
    }
    throw new DecodeError(`AttributeError: '${operand.type}' object has no attribute 'value'`);
  }
  if (operand.special === 'complex') return complexRepr(-0, -(operand.value as PyFloat).value);
  if (operand.special) throw new DecodeError(`TypeError: bad operand type for unary -: '${operand.special}'`);
  return unaryOp('-', operand.value);
}

/** Python `repr(complex(re, im))`. */
function complexRepr(re: number, im: number): string {
  const num = (x: number): string => pyFloatRepr(x).replace(/\.0$/, '');
  if (re === 0 && !Object.is(re, -0)) return num(im) + 'j';
  const imText = num(im);
  return `(${num(re)}${imText.startsWith('-') ? '' : '+'}${imText}j)`;
}

/**
 * Parse one Python call string such as an executable / multi-turn ground truth
 * (`calc_binomial_probability(n=20, k=5, p=0.6)`, `sort('final_report.pdf')`). Unlike decode_ast,
 * positional arguments are kept. Only literal values are accepted (plus unary and arithmetic operators
 * on literals); anything else throws DecodeError.
 */
export function parsePythonCallString(src: string): { name: string; args: PyValue[]; kwargs: PyDict } {
  const node = parsePythonExpression(pyStrip(src));
  if (node.type !== 'Call') throw new DecodeError(`ValueError: not a function call: ${src.slice(0, 80)}`);
  let f: Node = node.func;
  while (f.type === 'Attribute') f = f.value;
  if (f.type !== 'Name') throw new DecodeError(`ValueError: the called object is not a (dotted) name: ${src.slice(0, 80)}`);
  const args = node.args.map((a) => {
    if (a.type === 'Starred') throw new DecodeError('ValueError: *args is not supported in a call string');
    return evaluateLiteral(a);
  });
  const kwargs = new PyDict();
  for (const kw of node.keywords) {
    if (kw.arg === null) throw new DecodeError('ValueError: **kwargs is not supported in a call string');
    kwargs.set(kw.arg, evaluateLiteral(kw.value));
  }
  return { name: dottedName(node.func), args, kwargs };
}
