/** Python string-literal bodies → values (escape sequences, bytes rules). No evaluation. */
import { DecodeError } from '../core/format.js';

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

function unicodeError(kind: 'unicodeescape' | 'bytes', what: string): DecodeError {
  return new DecodeError(
    kind === 'bytes' ? `SyntaxError: (value error) invalid \\x escape at position ${what}` : `SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes: ${what}`,
  );
}

/**
 * The value of a (non-f) string literal body. For bytes the result holds one char per byte (latin-1).
 * `\N{name}` escapes are not supported (no Unicode name table): they raise DecodeError.
 */
export function decodeStringBody(body: string, raw: boolean, bytes: boolean): string {
  if (bytes) {
    for (let i = 0; i < body.length; i++) {
      if (body.charCodeAt(i) > 127) throw new DecodeError('SyntaxError: bytes can only contain ASCII literal characters');
    }
  }
  if (raw || !body.includes('\\')) return body;
  let out = '';
  let i = 0;
  const n = body.length;
  while (i < n) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) {
      out += '\\';
      break;
    }
    if (e === '\n') {
      i += 2;
      continue;
    }
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
      continue;
    }
    if (e >= '0' && e <= '7') {
      let j = i + 1;
      let v = 0;
      while (j < i + 4 && j < n && body[j]! >= '0' && body[j]! <= '7') v = v * 8 + (body.charCodeAt(j++) - 48);
      out += String.fromCharCode(bytes ? v & 0xff : v);
      i = j;
      continue;
    }
    if (e === 'x') {
      const hex = body.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw unicodeError(bytes ? 'bytes' : 'unicodeescape', 'truncated \\xXX escape');
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
      continue;
    }
    if (!bytes && (e === 'u' || e === 'U')) {
      const len = e === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + len);
      if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw unicodeError('unicodeescape', `truncated \\${e}${'X'.repeat(len)} escape`);
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) throw unicodeError('unicodeescape', 'illegal Unicode character');
      out += String.fromCodePoint(cp);
      i += 2 + len;
      continue;
    }
    if (!bytes && e === 'N') throw new DecodeError('SyntaxError: \\N{...} escapes are not supported by this decoder');
    // Unknown escape: kept as written (Python only warns).
    out += '\\' + e;
    i += 2;
  }
  return out;
}
