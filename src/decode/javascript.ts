/**
 * BFCL's decode_ast for the JavaScript return format (bfcl-spec.md §4.1, §4.3).
 *
 * BFCL looks only at top-level expression statements whose own child is a call expression and
 * returns `[{name: {arg: sourceText}}]` for the first one. When there is none it returns None,
 * which is not an error: the empty list "[]", two comma-separated calls (a sequence expression)
 * and JSON text all decode to null and are judged "wrong output format" by the runner.
 */
import { DecodeError } from '../core/format.js';
import { PyDict, type PyValue } from '../core/pyvalue.js';
import { parseSource, promptingSource, type SyntaxNode } from './tree-sitter.js';

export function decodeJavaScriptCalls(text: string): PyValue {
  return decodeJavaScriptSource(promptingSource(text));
}

/** The decoder on already-prepared source (no stripping or bracket handling; the BFCL v1 handlers cut the text themselves). */
export function decodeJavaScriptSource(source: string): PyValue {
  const root = parseSource('javascript', source);
  for (const statement of root.children) {
    if (statement.type !== 'expression_statement') continue;
    for (const expr of statement.children) {
      if (expr.type !== 'call_expression') continue;
      // BFCL quirk: the callee and the arguments are taken by position (children[0], children[1]);
      // for `f?.(…)` the second child is the `?.` token, which holds no arguments.
      const [callee, args] = expr.children;
      if (!callee || !args) throw new DecodeError('javascript call without callee or arguments');
      return [new PyDict([[textOf(source, callee), argumentsOf(source, args)]])];
    }
  }
  // BFCL quirk: no top-level call → None (null), not an error and not an empty list.
  return null;
}

function argumentsOf(source: string, args: SyntaxNode): PyDict {
  const out = new PyDict();
  for (const child of args.children) {
    let key: string | null;
    let value: string;
    if (child.type === 'assignment_expression') {
      // BFCL quirk: children[0] and children[2] by position, whatever they are.
      const [left, , right] = child.children;
      if (!left || !right) throw new DecodeError('javascript assignment with fewer than three parts');
      key = textOf(source, left);
      value = unquoteOnce(textOf(source, right));
    } else if (child.type === 'identifier' || child.type === 'true') {
      // BFCL quirk: positional identifiers and `true` go under the key None (kept as written);
      // every other positional value (strings, numbers, `false`, arrays, objects) is dropped.
      key = null;
      value = textOf(source, child);
    } else {
      continue;
    }
    // BFCL quirk: a repeated name (or two positional identifiers / `true`s) is an error.
    if (out.has(key)) throw new DecodeError(`javascript call repeats argument ${key === null ? '(positional)' : key}`);
    out.set(key, value);
  }
  return out;
}

function textOf(source: string, node: SyntaxNode): string {
  return source.slice(node.startIndex, node.endIndex);
}

/** One layer of surrounding "…" or '…' removed (nothing unescaped). */
function unquoteOnce(v: string): string {
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) return v.slice(1, -1);
  return v;
}
