/**
 * Evaluation of literal expressions with Python semantics: constants, unary operators, list / tuple /
 * dict displays and binary operators (+ - * / // % ** << >> & | ^) over int, float, bool, str, list
 * and tuple, with the operators of src/core/pyops.ts. Names, calls and everything else raise
 * DecodeError — nothing is ever executed. Results are capped in size (MAX_INT_BITS, MAX_SEQ_LEN), so
 * `2**99999999` fails fast instead of hanging.
 */
import { DecodeError } from '../core/format.js';
import { binaryOp, unaryOp as pyUnaryOp, type PyLimits } from '../core/pyops.js';
import { PyDict, PyError, PyTuple, type PyValue } from '../core/pyvalue.js';
import type { Node, UnaryOpName } from './python-ast.js';

/** Largest int result (in bits) we compute; Python would go on, we refuse. */
export const MAX_INT_BITS = 1 << 16;
/** Longest str / list / tuple result we build. */
export const MAX_SEQ_LEN = 1 << 22;

const DECODE_LIMITS: PyLimits = {
  maxIntBits: MAX_INT_BITS,
  maxSeqLen: MAX_SEQ_LEN,
  tooBig: () => new PyError('OverflowError', 'result too large to decode (fcbench size cap)'),
};

const NODE_CLASS: Record<string, string> = { Starred: 'Starred' };

function typeError(msg: string): DecodeError {
  return new DecodeError(`TypeError: ${msg}`);
}

/** A Python exception from an operator, as the decoder reports it. */
function asDecodeError(e: unknown): unknown {
  return e instanceof PyError ? new DecodeError(e.message) : e;
}

/** Evaluate a literal expression node (what evaluating `ast.unparse(node)` in Python gives, minus any name lookup). */
export function evaluateLiteral(node: Node): PyValue {
  try {
    return evaluate(node);
  } catch (e) {
    throw asDecodeError(e);
  }
}

function evaluate(node: Node): PyValue {
  switch (node.type) {
    case 'Constant':
      if (node.special === 'ellipsis') throw typeError('Ellipsis is not a supported value here');
      if (node.special === 'bytes') throw typeError('bytes values are not supported by this decoder');
      if (node.special === 'complex') throw typeError('complex values are not supported by this decoder');
      return node.value;
    case 'UnaryOp':
      return pyUnaryOp(node.op, evaluate(node.operand));
    case 'BinOp':
      return binaryOp(node.op, evaluate(node.left), evaluate(node.right), DECODE_LIMITS);
    case 'List':
      return node.elts.map(evaluate);
    case 'Tuple':
      return new PyTuple(node.elts.map(evaluate));
    case 'Dict': {
      const d = new PyDict();
      node.keys.forEach((k, i) => {
        if (k === null) throw typeError('dict unpacking is not supported by this decoder');
        d.set(evaluate(k), evaluate(node.values[i]!));
      });
      return d;
    }
    case 'Name':
      throw new DecodeError(`NameError: name '${node.id}' is not defined`);
    default:
      throw new DecodeError(`ValueError: cannot evaluate a ${NODE_CLASS[node.type] ?? node.type} expression without executing code`);
  }
}

/** Python's unary `-`, `+`, `~`, `not` (errors as DecodeError). */
export function unaryOp(op: UnaryOpName, v: PyValue): PyValue {
  try {
    return pyUnaryOp(op, v);
  } catch (e) {
    throw asDecodeError(e);
  }
}
