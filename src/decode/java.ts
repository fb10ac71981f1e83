/**
 * BFCL's decode_ast for the Java return format (bfcl-spec.md §4.1, §4.3).
 *
 * The output is what BFCL's decoder returns: `[{name: {arg: sourceText}}]` for the first method
 * invocation found (depth-first), or an empty dict when there is none. Argument values stay
 * Java source text; converting them by declared type is the checker's job.
 */
import { DecodeError } from '../core/format.js';
import { PyDict, type PyValue } from '../core/pyvalue.js';
import { parseSource, promptingSource, type SyntaxNode } from './tree-sitter.js';

/**
 * BFCL's Java decoder is recursive Python, so nesting deep enough fails with RecursionError
 * (a decode failure). Python's limit is 1000 frames; about 30 are taken by BFCL's runner
 * below the decoder. We count Python frames as BFCL's code would use them and fail past this
 * number, which also keeps our own recursion far from the JS stack limit. The exact threshold
 * of an official run depends on its call stack, so it may differ by a few levels.
 */
export const PY_FRAMES_AVAILABLE = 970;

export function decodeJavaCalls(text: string): PyValue {
  return decodeJavaSource(promptingSource(text));
}

/** The decoder on already-prepared source (no stripping or bracket handling; the BFCL v1 handlers cut the text themselves). */
export function decodeJavaSource(source: string): PyValue {
  const root = parseSource('java', source);
  const ctx = new JavaWalk(source);
  const found = ctx.firstInvocation(root, 1);
  // BFCL quirk: no method invocation (e.g. the empty list "[]") decodes to an empty dict, not to [].
  return found ?? new PyDict();
}

class JavaWalk {
  private readonly text: SourceText;

  constructor(source: string) {
    this.text = new SourceText(source);
  }

  /** Python frames: `depth` is the frame of the call being made; fail like RecursionError past the budget. */
  private frame(depth: number): void {
    if (depth > PY_FRAMES_AVAILABLE) throw new DecodeError('java output nested too deeply (BFCL fails with RecursionError)');
  }

  /** Depth-first search for the first method invocation that has an argument list. */
  firstInvocation(node: SyntaxNode, depth: number): PyValue[] | null {
    this.frame(depth);
    if (node.type === 'method_invocation') {
      this.frame(depth + 1); // get_text
      const name = node.childForFieldName('name');
      const object = node.childForFieldName('object');
      // BFCL quirk: a missing field node makes Python raise (None has no byte offsets).
      if (!name) throw new DecodeError('java method invocation without a name');
      const method = this.text.of(name);
      const functionName = object ? `${this.text.of(object)}.${method}` : method;
      const args = node.childForFieldName('arguments');
      // An invocation without an argument list is skipped, and its children are not searched.
      if (!args) return null;
      return [new PyDict([[functionName, this.argumentsOf(args, depth + 1)]])];
    }
    for (const child of node.children) {
      const found = this.firstInvocation(child, depth + 1);
      if (found) return found;
    }
    return null;
  }

  /** Named arguments `k=v` by name; bare identifiers and class literals under the key None. */
  private argumentsOf(args: SyntaxNode, depth: number): PyDict {
    this.frame(depth);
    const out = new PyDict();
    for (const child of args.children) {
      let key: string | null;
      let value: string;
      if (child.type === 'assignment_expression') {
        // BFCL quirk: children[0] and children[2] by position, whatever they are.
        const [left, , right] = child.children;
        if (!left || !right) throw new DecodeError('java assignment with fewer than three parts');
        this.frame(depth + 1);
        key = this.text.of(left);
        value = this.valueOf(right, false, depth + 1);
      } else if (child.type === 'identifier' || child.type === 'class_literal') {
        // BFCL quirk: positional identifiers and class literals go under the key None; other
        // positional values (literals, calls, arrays) are dropped silently.
        key = null;
        value = this.valueOf(child, false, depth + 1);
      } else {
        continue;
      }
      // BFCL quirk: a repeated name (or two positional identifiers) is an error.
      if (out.has(key)) throw new DecodeError(`java call repeats argument ${key === null ? '(positional)' : key}`);
      out.set(key, value);
    }
    return out;
  }

  /** The source text BFCL makes of an argument value (its traverse_node). */
  private valueOf(node: SyntaxNode, nested: boolean, depth: number): string {
    this.frame(depth);
    switch (node.type) {
      case 'string_literal':
      case 'character_literal': {
        this.frame(depth + 1);
        const t = this.text.of(node);
        // Top-level string and char literals lose their quotes; nested ones keep them.
        return nested ? t : pySlice1(t);
      }
      case 'identifier':
      case 'class_literal':
      case 'type_identifier':
      case 'method_invocation':
        this.frame(depth + 1);
        return this.text.of(node);
      case 'array_creation_expression': {
        // Re-serialised as `new T[]{…}`: dimensions are dropped, and without an initializer
        // (`new int[3]`) BFCL raises.
        const type = node.childForFieldName('type');
        const init = node.childForFieldName('value');
        if (!type || !init) throw new DecodeError('java array creation without a type or an initializer');
        return `new ${this.valueOf(type, true, depth + 1)}[]${this.valueOf(init, true, depth + 1)}`;
      }
      case 'object_creation_expression': {
        // Re-serialised as `new T(a, b)`; a class body (`new HashMap<>() {{ put(…); }}`) is dropped.
        const type = node.childForFieldName('type');
        if (!type) throw new DecodeError('java object creation without a type');
        const typeText = this.valueOf(type, true, depth + 1);
        const args = node.childForFieldName('arguments');
        if (!args) return `new ${typeText}()`;
        const parts: string[] = [];
        for (const child of args.children) {
          if (child.type === ',' || child.type === '(' || child.type === ')') continue;
          parts.push(this.valueOf(child, true, depth + 1));
        }
        return `new ${typeText}(${parts.join(', ')})`;
      }
    }
    if (node.childCount > 0) {
      // Any other node: its children's texts concatenated with nothing between them, so the
      // whitespace between tokens is lost (`{1, 2}` → `{1,2}`). BFCL joins a generator: 2 frames a level.
      let out = '';
      for (const child of node.children) out += this.valueOf(child, true, depth + 2);
      return out;
    }
    this.frame(depth + 1);
    return this.text.of(node);
  }
}

/**
 * Node texts as BFCL's Java decoder takes them.
 *
 * BFCL quirk: it slices the Python str (code points) with the node's UTF-8 *byte* offsets, so
 * after a non-ASCII character every text is shifted right by the extra bytes.
 */
class SourceText {
  private readonly ascii: boolean;
  private codePoints?: string[];
  /** UTF-8 byte offset of every UTF-16 index. */
  private utf8At?: Uint32Array;

  constructor(private readonly source: string) {
    this.ascii = /^[\x00-\x7f]*$/.test(source);
  }

  of(node: SyntaxNode): string {
    if (this.ascii) return this.source.slice(node.startIndex, node.endIndex);
    if (!this.codePoints || !this.utf8At) {
      this.codePoints = Array.from(this.source);
      this.utf8At = new Uint32Array(this.source.length + 1);
      let bytes = 0;
      for (let i = 0; i < this.source.length; i++) {
        this.utf8At[i] = bytes;
        const c = this.source.charCodeAt(i);
        // A surrogate pair is 4 bytes: 2 for each half.
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
      }
      this.utf8At[this.source.length] = bytes;
    }
    return this.codePoints.slice(this.utf8At[node.startIndex], this.utf8At[node.endIndex]).join('');
  }
}

/** Python `s[1:-1]` on a str (code points, not UTF-16 units). */
function pySlice1(s: string): string {
  if (/^[\x00-\uD7FF\uE000-\uFFFF]*$/.test(s)) return s.slice(1, -1);
  return Array.from(s).slice(1, -1).join('');
}
