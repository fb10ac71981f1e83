/**
 * Python text semantics the checker and its value converters depend on: `str.strip()`, slicing by
 * code point, `int(str)` and `float(str)`, and the pieces needed to write Python `re` patterns as
 * JavaScript regular expressions with the same meaning (Python's `\s`, `\d`, `\w`, `.` and `$`
 * differ from JavaScript's).
 */

/** The characters for which Python's `str.isspace()` is true (what `strip()` and `\s` use). */
const WS_CHARS = '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Regex source fragments (use with the `u` flag). */
export const RX = {
  /** Python `\s` (str pattern). */
  s: `[${WS_CHARS}]`,
  /** Python `\d` (str pattern): any Unicode decimal digit. */
  d: '\\p{Nd}',
  /** Python `\w` (str pattern): letters, digits and numerics, underscore. */
  w: '[\\p{L}\\p{N}_]',
  /** Python `.` without DOTALL: anything but a newline. */
  dot: '[^\\n]',
  /** Python `$` without MULTILINE: the end, or just before a final newline. */
  end: '(?=\\n?$)',
} as const;

const LEADING_WS = new RegExp(`^${RX.s}+`, 'u');
const TRAILING_WS = new RegExp(`${RX.s}+$`, 'u');

/** Python `s.strip()` (no argument). */
export function pyStrip(s: string): string {
  return s.replace(LEADING_WS, '').replace(TRAILING_WS, '');
}

/** Python `s.strip(chars)`. */
export function pyStripChars(s: string, chars: string): string {
  const set = new Set(Array.from(chars));
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  while (a < b && set.has(cps[a]!)) a++;
  while (b > a && set.has(cps[b - 1]!)) b--;
  return cps.slice(a, b).join('');
}

/** Python `s[1:-1]` (by code point, not UTF-16 unit). */
export function pyInner(s: string): string {
  return Array.from(s).slice(1, -1).join('');
}

/** Python `s[:-1]`. */
export function pyDropLast(s: string): string {
  return Array.from(s).slice(0, -1).join('');
}

/** Python `len(s)`. */
export function pyLen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const ND = /\p{Nd}/u;
const SPACE_CHAR = new RegExp(RX.s, 'u');

/**
 * What Python does to a numeric string before parsing it: Unicode decimal digits become ASCII
 * digits, Unicode spaces become ' '. (Decimal digits are encoded in runs of ten, 0 to 9, so a
 * digit's value is its distance from the start of its run, modulo 10.)
 */
function toAsciiNumeric(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (ND.test(ch)) {
      let k = 0;
      while (ND.test(String.fromCodePoint(cp - k - 1))) k++;
      out += String(k % 10);
    } else if (SPACE_CHAR.test(ch)) out += ' ';
    else out += '\u0000'; // never valid in a number
  }
  return out;
}

const INT_TEXT = /^[+-]?\d(?:_?\d)*$/;

/** Python `int(s)` for a str argument; undefined where Python raises ValueError. */
export function pyIntFromText(s: string): number | bigint | undefined {
  const t = pyStrip(toAsciiNumeric(s));
  if (!INT_TEXT.test(t)) return undefined;
  const big = BigInt(t.replace(/_/g, ''));
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

const FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const FLOAT_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** Python `float(s)` for a str argument; undefined where Python raises ValueError. */
export function pyFloatFromText(s: string): number | undefined {
  const t = pyStrip(toAsciiNumeric(s));
  const sp = FLOAT_SPECIAL.exec(t);
  if (sp) {
    if (sp[2]!.toLowerCase() === 'nan') return NaN;
    return sp[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT_TEXT.test(t)) return undefined;
  return Number(t.replace(/_/g, ''));
}
