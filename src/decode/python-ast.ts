/** The small Python expression AST the hand-written parser produces (names as in Python's `ast` module). */
import type { PyValue } from '../core/pyvalue.js';

/** Constant kinds PyValue cannot hold directly. */
export type ConstSpecial = 'ellipsis' | 'bytes' | 'complex';

export type Node =
  | {
      type: 'Constant';
      /** str/int/float/bool/None; for bytes the latin-1 text of the bytes; for complex the imaginary part. */
      value: PyValue;
      special?: ConstSpecial;
      /** `u"..."` (ast's Constant.kind == "u"). */
      u?: boolean;
    }
  | { type: 'Name'; id: string }
  | { type: 'Attribute'; value: Node; attr: string }
  | { type: 'Subscript'; value: Node; slice: Node }
  | { type: 'Slice'; lower: Node | null; upper: Node | null; step: Node | null }
  | { type: 'Call'; func: Node; args: Node[]; keywords: Keyword[] }
  | { type: 'Starred'; value: Node }
  | { type: 'List' | 'Tuple' | 'Set'; elts: Node[] }
  | { type: 'Dict'; keys: Array<Node | null>; values: Node[] }
  | { type: 'BinOp'; op: BinOpName; left: Node; right: Node }
  | { type: 'UnaryOp'; op: UnaryOpName; operand: Node }
  | { type: 'BoolOp'; op: 'and' | 'or'; values: Node[] }
  | { type: 'Compare'; left: Node; ops: string[]; comparators: Node[] }
  | { type: 'IfExp'; test: Node; body: Node; orelse: Node }
  | { type: 'Lambda'; args: LambdaArgs; body: Node }
  | { type: 'NamedExpr'; target: Node; value: Node }
  | { type: 'ListComp' | 'SetComp' | 'GeneratorExp'; elt: Node; generators: Comprehension[] }
  | { type: 'DictComp'; key: Node; value: Node; generators: Comprehension[] }
  | { type: 'JoinedStr'; values: Node[] }
  | { type: 'FormattedValue'; value: Node; conversion: string | null; formatSpec: Node | null }
  | { type: 'Await'; value: Node }
  | { type: 'Yield'; value: Node | null; from: boolean };

export type NodeType = Node['type'];

export interface Keyword {
  /** null for `**mapping`. */
  arg: string | null;
  value: Node;
}

export interface Comprehension {
  target: Node;
  iter: Node;
  ifs: Node[];
  isAsync: boolean;
}

export interface LambdaArg {
  name: string;
  default: Node | null;
}

export interface LambdaArgs {
  posonly: LambdaArg[];
  args: LambdaArg[];
  vararg: string | null;
  kwonly: LambdaArg[];
  kwarg: string | null;
  /** A bare `*` separating keyword-only arguments. */
  bareStar: boolean;
}

export type BinOpName = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^' | '@';
export type UnaryOpName = '-' | '+' | '~' | 'not';

/** Python's class name of a node's operator, for messages (`ast.USub`, …). */
export const UNARY_CLASS: Record<UnaryOpName, string> = { '-': 'USub', '+': 'UAdd', '~': 'Invert', not: 'Not' };
