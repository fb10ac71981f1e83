/**
 * The BFCL v1 (Feb – Aug 2024) prompting decoder `ast_parse` (bfcl-spec-v1.md §3.7), on the same
 * hand-written parser as the v4 decoder. Differences from v4: no stripping of the text, the expression
 * must be a list / tuple / set display, and a call without keyword arguments decodes to its source text.
 */
import { DecodeError, type Language } from '../core/format.js';
import type { PyValue } from '../core/pyvalue.js';
import { resolveCall } from './python-calls.js';
import { parsePythonExpression } from './python-parse.js';
import { unparse } from './python-unparse.js';
import { decodeJavaSource } from './java.js';
import { decodeJavaScriptSource } from './javascript.js';

/** v1 `ast_parse(text, "Python")`: `[f(a=1), g()]` → `[{f: {a: 1}}, "g()"]`. Throws DecodeError. */
export function decodePythonV1(text: string): PyValue {
  // BFCL quirk (v1): no strip here, so `'[f(a=1)]'` (quoted) is a string constant and fails, and an
  // indented first line fails as ast.parse does ("unexpected indent"; v4 strips the text first).
  checkFirstLineIndent(text);
  const body = parsePythonExpression(text);
  // BFCL quirk (v1): a bare call `f(a=1)` fails ("'Call' object has no attribute 'elts'").
  if (body.type !== 'List' && body.type !== 'Tuple' && body.type !== 'Set') {
    throw new DecodeError(`AttributeError: '${body.type}' object has no attribute 'elts'`);
  }
  return body.elts.map((elem) => {
    if (elem.type !== 'Call') throw new DecodeError('AssertionError: ');
    // BFCL quirk (v1): a call without any keyword argument becomes its source text (a string), which
    // then fails the format check (AST) or counts as no call (relevance).
    return elem.keywords.length === 0 ? unparse(elem) : resolveCall(elem);
  });
}

/**
 * v1 `ast_parse(text, language)`: Python as above; Java and JavaScript parse the text minus its first
 * and last character with tree-sitter (no stripping).
 */
export function decodeV1Prepared(text: string, language: Language): PyValue {
  if (language === 'java') return decodeJavaSource(text.slice(1, -1));
  if (language === 'javascript') return decodeJavaScriptSource(text.slice(1, -1));
  return decodePythonV1(text);
}

/**
 * `ast.parse` rejects source whose first non-blank line is indented (IndentationError: unexpected indent).
 * Blank and comment-only lines before it do not count; a form feed resets the column, as in CPython's tokenizer.
 */
function checkFirstLineIndent(text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let col = 0;
    let j = 0;
    for (; j < line.length; j++) {
      const ch = line[j];
      if (ch === ' ' || ch === '\t') col++;
      else if (ch === '\f') col = 0;
      else break;
    }
    if (j === line.length || line[j] === '#') continue;
    if (col > 0) throw new DecodeError(`IndentationError: unexpected indent (<unknown>, line ${i + 1})`);
    return;
  }
}
