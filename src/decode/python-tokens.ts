/**
 * A tokenizer for the Python expression subset that model output is parsed as
 * (`ast.parse(text, mode="eval")`). Hand-written; it never evaluates anything.
 *
 * It follows CPython 3.11's tokenizer where the difference decides between "parses" and "raises":
 * brackets must match (newlines inside brackets are ignored), string literals must be terminated,
 * decimal integers may not have leading zeros, a number may not run into a name, non-ASCII
 * characters must be identifier characters.
 */
import { DecodeError } from '../core/format.js';

export type Token =
  | { k: 'name'; v: string; pos: number }
  | { k: 'num'; text: string; pos: number }
  | { k: 'str'; prefix: string; quote: string; body: string; pos: number }
  | { k: 'op'; v: string; pos: number }
  | { k: 'newline'; pos: number }
  | { k: 'end'; pos: number };

/** CPython's MAXLEVEL: more nested brackets than this is a SyntaxError. */
export const MAX_BRACKET_DEPTH = 200;

/** CPython ≥ 3.10.7 refuses decimal int literals longer than this (sys.int_info.default_max_str_digits). */
export const MAX_INT_DIGITS = 4300;

const OPS3 = ['**=', '//=', '>>=', '<<=', '...', '!='];
const OPS2 = ['->', ':=', '**', '//', '<<', '>>', '<=', '>=', '==', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@='];
const OPS1 = '+-*/%@&|^~<>()[]{},:.;=!';
/** Operator characters that never start a longer operator. */
const SINGLE_ONLY = '()[]{},;~';
const CLOSER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const STRING_PREFIXES = new Set(['r', 'u', 'f', 'b', 'br', 'rb', 'fr', 'rf']);
const NUM_END_KEYWORDS = /^(?:and|else|for|if|in|is|not|or)/;

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}]/u;

/** A Python-style SyntaxError as a DecodeError. */
export function syntaxError(src: string, pos: number, msg: string): DecodeError {
  return new DecodeError(`SyntaxError: ${msg} (<unknown>, line ${lineOf(src, pos)})`);
}

export function lineOf(src: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || (c === 13 && src.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

function isIdStart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return ID_START.test(ch);
}

function isAsciiIdContinue(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 48 && c <= 57);
}

function isIdContinue(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return isAsciiIdContinue(c);
  return ID_CONTINUE.test(ch);
}

function codePointAt(s: string, i: number): string {
  return String.fromCodePoint(s.codePointAt(i)!);
}

const NUMBER_RE =
  /(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.?)(?:[eE][+-]?[0-9](?:_?[0-9])*)?[jJ]?)/y;

/** Tokenize a whole source text (eval mode). Throws DecodeError on a tokenizer error. */
export function tokenize(src: string): Token[] {
  if (src.includes('\0')) throw new DecodeError('SyntaxError: source code string cannot contain null bytes');
  const out: Token[] = [];
  const stack: Array<{ ch: string; pos: number }> = [];
  let i = 0;
  const n = src.length;
  let atLineStart = false;
  while (i < n) {
    const ch = src[i]!;
    // Whitespace and line continuations.
    if (ch === ' ' || ch === '\t' || ch === '\f') {
      i++;
      continue;
    }
    if (ch === '\\') {
      if (src[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (src[i + 1] === '\r') {
        i += src[i + 2] === '\n' ? 3 : 2;
        continue;
      }
      if (i + 1 >= n) throw syntaxError(src, i, 'unexpected EOF while parsing');
      throw syntaxError(src, i, 'unexpected character after line continuation character');
    }
    if (ch === '#') {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (stack.length === 0 && out.length > 0 && !atLineStart) {
        out.push({ k: 'newline', pos: i });
        atLineStart = true;
      }
      i++;
      continue;
    }
    atLineStart = false;
    const start = i;
    // Names and string prefixes.
    const c0 = ch.charCodeAt(0);
    const cp = c0 < 128 ? ch : codePointAt(src, i);
    if (isIdStart(cp)) {
      i += cp.length;
      let ascii = c0 < 128;
      while (i < n) {
        const cc = src.charCodeAt(i);
        if (cc < 128) {
          if (!isAsciiIdContinue(cc)) break;
          i++;
          continue;
        }
        const c = codePointAt(src, i);
        if (!isIdContinue(c)) break;
        ascii = false;
        i += c.length;
      }
      const word = src.slice(start, i);
      const q = src[i];
      if ((q === '"' || q === "'") && STRING_PREFIXES.has(word.toLowerCase())) {
        i = scanString(src, i, word, out, start);
        continue;
      }
      out.push({ k: 'name', v: ascii ? word : word.normalize('NFKC'), pos: start });
      continue;
    }
    if (ch === '"' || ch === "'") {
      i = scanString(src, i, '', out, start);
      continue;
    }
    // Numbers (a '.' followed by a digit starts a number too).
    if ((c0 >= 48 && c0 <= 57) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      NUMBER_RE.lastIndex = i;
      const m = NUMBER_RE.exec(src)!;
      const text = m[0];
      i += text.length;
      checkNumber(src, start, text);
      const next = src[i];
      if (next !== undefined && isIdContinue(next.charCodeAt(0) < 128 ? next : codePointAt(src, i)) && !NUM_END_KEYWORDS.test(src.slice(i, i + 4))) {
        throw syntaxError(src, start, 'invalid decimal literal');
      }
      out.push({ k: 'num', text, pos: start });
      continue;
    }
    // Operators and brackets.
    let op: string | undefined;
    if (SINGLE_ONLY.includes(ch)) op = ch;
    else {
      const three = src.slice(i, i + 3);
      const two = src.slice(i, i + 2);
      if (OPS3.includes(three)) op = three;
      else if (OPS3.includes(two) || OPS2.includes(two)) op = two;
      else if (OPS1.includes(ch)) op = ch;
    }
    if (op === undefined) {
      if (c0 >= 128) {
        const u = cp.codePointAt(0)!;
        throw syntaxError(src, i, `invalid character '${cp}' (U+${u.toString(16).toUpperCase().padStart(4, '0')})`);
      }
      throw syntaxError(src, i, 'invalid syntax');
    }
    if (op === '(' || op === '[' || op === '{') {
      if (stack.length >= MAX_BRACKET_DEPTH) throw syntaxError(src, i, 'too many nested parentheses');
      stack.push({ ch: op, pos: i });
    } else if (op === ')' || op === ']' || op === '}') {
      const open = stack.pop();
      if (!open) throw syntaxError(src, i, `unmatched '${op}'`);
      if (open.ch !== CLOSER[op]) {
        throw syntaxError(src, i, `closing parenthesis '${op}' does not match opening parenthesis '${open.ch}'`);
      }
    }
    out.push({ k: 'op', v: op, pos: start });
    i += op.length;
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    throw syntaxError(src, open.pos, `'${open.ch}' was never closed`);
  }
  out.push({ k: 'end', pos: n });
  return out;
}

function checkNumber(src: string, pos: number, text: string): void {
  if (/^0[xXoObB]/.test(text)) return;
  if (/[.eEjJ]/.test(text)) return;
  const digits = text.replace(/_/g, '');
  if (digits.length > 1 && digits[0] === '0' && /[1-9]/.test(digits)) {
    throw syntaxError(src, pos, 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers');
  }
  // Python ≥ 3.10.7 quirk: long decimal literals are refused at parse time.
  if (digits.replace(/^0+/, '').length > MAX_INT_DIGITS) {
    throw syntaxError(
      src,
      pos,
      `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.`,
    );
  }
}

/** Scan one string literal starting at the quote at `i`; push the token and return the index after it. */
function scanString(src: string, i: number, prefix: string, out: Token[], start: number): number {
  const q = src[i]!;
  const triple = src[i + 1] === q && src[i + 2] === q;
  const quote = triple ? q + q + q : q;
  let j = i + quote.length;
  const bodyStart = j;
  const n = src.length;
  for (;;) {
    if (j >= n) {
      if (triple) throw syntaxError(src, start, `unterminated triple-quoted string literal (detected at line ${lineOf(src, n)})`);
      throw syntaxError(src, start, `unterminated string literal (detected at line ${lineOf(src, j)})`);
    }
    const c = src[j]!;
    if (c === '\\') {
      // A backslash always protects the next character from ending the literal (raw strings too).
      if (src[j + 1] === '\r' && src[j + 2] === '\n') j += 3;
      else j += 2;
      continue;
    }
    if (!triple && (c === '\n' || c === '\r')) {
      throw syntaxError(src, start, `unterminated string literal (detected at line ${lineOf(src, start)})`);
    }
    if (c === q && (!triple || (src[j + 1] === q && src[j + 2] === q))) break;
    j++;
  }
  out.push({ k: 'str', prefix: prefix.toLowerCase(), quote, body: src.slice(bodyStart, j), pos: start });
  return j + quote.length;
}
