/**
 * Lazy, shared tree-sitter set-up for BFCL's Java and JavaScript decoders.
 *
 * BFCL parses with py-tree-sitter 0.21.3, tree-sitter-java 0.21.0 and tree-sitter-javascript 0.21.4;
 * we load the npm builds of the same grammar versions (tree-sitter 0.21.1, CommonJS native addons)
 * the first time a decoder needs them, and keep one parser per grammar for the whole process.
 */
import { createRequire } from 'node:module';
import type Parser from 'tree-sitter';
import { DecodeError } from '../core/format.js';

export type SyntaxNode = Parser.SyntaxNode;
export type Grammar = 'java' | 'javascript';

/**
 * The longest source (UTF-16 code units, after the prompting pre-steps) handed to tree-sitter.
 * Parsing is roughly linear (about 2 ms per 1,000 characters of hostile text), so 100,000
 * characters bound a decode to a fraction of a second. BFCL has no cap; a longer output is
 * a decode failure here, which only differs from BFCL for outputs no real model produces.
 */
export const MAX_SOURCE_LENGTH = 100_000;

const requireCjs = createRequire(import.meta.url);
const parsers = new Map<Grammar, Parser>();

function parserFor(grammar: Grammar): Parser {
  let parser = parsers.get(grammar);
  if (!parser) {
    const ParserClass = requireCjs('tree-sitter') as typeof Parser;
    const language = requireCjs(grammar === 'java' ? 'tree-sitter-java' : 'tree-sitter-javascript') as unknown;
    parser = new ParserClass();
    parser.setLanguage(language);
    parsers.set(grammar, parser);
  }
  return parser;
}

/**
 * BFCL's default prompting pre-steps for Java / JavaScript: strip backticks, newlines and spaces
 * from both ends, add `[` / `]` where missing, then drop the first and last character.
 */
export function promptingSource(text: string): string {
  let s = stripChars(text, '`\n ');
  if (!s.startsWith('[')) s = '[' + s;
  if (!s.endsWith(']')) s = s + ']';
  return s.slice(1, -1);
}

/** Python's `str.strip(chars)`. */
function stripChars(s: string, chars: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a]!)) a++;
  while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** A lone surrogate cannot be encoded as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Parse `source` with the grammar and return the root node. Throws DecodeError where BFCL's
 * decoder raises before looking at the tree: text it cannot encode, and any ERROR in the tree.
 */
export function parseSource(grammar: Grammar, source: string): SyntaxNode {
  if (source.length > MAX_SOURCE_LENGTH) {
    throw new DecodeError(`${grammar} output is ${source.length} characters long; fcbench parses at most ${MAX_SOURCE_LENGTH}`);
  }
  // BFCL quirk: the source is encoded with bytes(source, "utf8"), which raises on a lone surrogate.
  if (LONE_SURROGATE.test(source)) throw new DecodeError(`${grammar} output contains a lone surrogate and cannot be encoded as UTF-8`);
  // node-tree-sitter rejects strings longer than its default buffer unless told the size.
  const tree = parserFor(grammar).parse(source, undefined, { bufferSize: source.length * 2 + 16 });
  const root = tree.rootNode;
  const bad = firstPrintedError(root);
  if (bad) throw new DecodeError(`${grammar} syntax error at character ${bad.startIndex}: tree-sitter found an ERROR node`);
  return root;
}

/**
 * The first node that makes the tree's S-expression contain "ERROR", or null.
 *
 * BFCL quirk: BFCL tests `"ERROR" in root_node.sexp()`, not `has_error`. So MISSING nodes
 * (Java's absent `;` after the call, an inserted `)`) are accepted, and so is an error leaf
 * that tree-sitter prints as `(UNEXPECTED 'c')`. Walked iteratively and only into subtrees that
 * contain an error at all, instead of printing the whole tree: tree-sitter's printer recurses in
 * C, which hostile nesting could drive past the native stack.
 */
export function firstPrintedError(root: SyntaxNode): SyntaxNode | null {
  if (!root.hasError) return null;
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'ERROR') {
      // tree-sitter prints an error *leaf* that covers text as `(UNEXPECTED 'c')`. Whether this
      // node is such a leaf or an ERROR node whose children are all hidden is not visible
      // through the node API, so ask the printer for this one (childless, hence tiny) node.
      if (node.childCount > 0 || node.endIndex === node.startIndex) return node;
      if (node.toString().includes('ERROR')) return node;
    }
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) if (children[i]!.hasError) stack.push(children[i]!);
  }
  return null;
}

/**
 * The S-expression tree-sitter prints for the tree (BFCL's `sexp()`), for tests and diagnostics only:
 * the printer recurses in C and crashes the process on deeply nested input (about 50,000 levels).
 */
export function sexpOf(grammar: Grammar, source: string): string {
  return parserFor(grammar).parse(source, undefined, { bufferSize: source.length * 2 + 16 }).rootNode.toString();
}
