/**
 * JSON read and written the way Python's `json` module does it:
 * numbers keep int vs float (`5` vs `5.0`), NaN/Infinity are accepted, and `dumps` renders
 * floats with Python's repr, escapes non-ASCII by default and uses Python's separators.
 */
import { pyFloatRepr } from './pyrepr.js';
import { PyDict, PyFloat, PyTuple, pyInt, type PyValue } from './pyvalue.js';

export class JsonParseError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} at line ${line} column ${column} (char ${offset})`);
    this.name = 'JsonParseError';
  }
}

const MAX_DEPTH = 1000;

/** Parse JSON text into Python values (`json.loads`). Throws JsonParseError. */
export function parsePyJson(text: string): PyValue {
  const p = new Parser(text);
  p.ws();
  const v = p.value(0);
  p.ws();
  if (p.i < text.length) p.fail('Extra data');
  return v;
}

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  fail(reason: string, at = this.i): never {
    const before = this.s.slice(0, at);
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    const column = at - before.lastIndexOf('\n');
    throw new JsonParseError(reason, at, line, column);
  }

  ws(): void {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  value(depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail('Nesting too deep');
    const s = this.s;
    const c = s[this.i];
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.word('true', true);
      case 'f':
        return this.word('false', false);
      case 'n':
        return this.word('null', null);
      case 'N':
        return this.word('NaN', new PyFloat(NaN));
      case 'I':
        return this.word('Infinity', new PyFloat(Infinity));
      case undefined:
        return this.fail('Expecting value');
      default:
        if (c === '-' && s.startsWith('-Infinity', this.i)) {
          this.i += 9;
          return new PyFloat(-Infinity);
        }
        return this.number();
    }
  }

  word<T extends PyValue>(w: string, v: T): T {
    if (!this.s.startsWith(w, this.i)) this.fail('Expecting value');
    this.i += w.length;
    return v;
  }

  number(): PyValue {
    const s = this.s;
    const start = this.i;
    let i = start;
    if (s[i] === '-') i++;
    const intStart = i;
    if (s[i] === '0') i++;
    else while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === intStart) this.fail('Expecting value', start);
    let isFloat = false;
    if (s[i] === '.' && s.charCodeAt(i + 1) >= 48 && s.charCodeAt(i + 1) <= 57) {
      isFloat = true;
      i++;
      while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      let j = i + 1;
      if (s[j] === '+' || s[j] === '-') j++;
      if (s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) {
        isFloat = true;
        while (s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
        i = j;
      }
    }
    this.i = i;
    const text = s.slice(start, i);
    if (isFloat) return new PyFloat(Number(text));
    return text.length < 16 ? Number(text) : pyInt(BigInt(text));
  }

  string(): string {
    const s = this.s;
    const start = ++this.i;
    // Fast path: no escapes.
    let i = start;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return s.slice(start, i);
      }
      if (c === 92) break;
      if (c < 32 || Number.isNaN(c)) {
        if (Number.isNaN(c)) this.fail('Unterminated string starting', start - 1);
        this.fail('Invalid control character', i);
      }
      i++;
    }
    let out = s.slice(start, i);
    for (;;) {
      const c = s.charCodeAt(i);
      if (Number.isNaN(c)) this.fail('Unterminated string starting', start - 1);
      if (c === 34) {
        this.i = i + 1;
        return out;
      }
      if (c === 92) {
        const e = s[i + 1];
        i += 2;
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = s.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape', i - 1);
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            this.fail('Invalid \\escape', i - 2);
        }
        continue;
      }
      if (c < 32) this.fail('Invalid control character', i);
      // Append the whole run up to the next quote, backslash or control character at once (appending one
      // character at a time builds a deep rope that every later use of the string has to flatten).
      let j = i + 1;
      for (;;) {
        const d = s.charCodeAt(j);
        if (d === 34 || d === 92 || d < 32 || d !== d) break;
        j++;
      }
      out += s.slice(i, j);
      i = j;
    }
  }

  array(depth: number): PyValue[] {
    const out: PyValue[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') {
        this.i++;
        return out;
      }
      this.fail("Expecting ',' delimiter");
    }
  }

  object(depth: number): PyDict {
    const out = new PyDict();
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const k = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail("Expecting ':' delimiter");
      this.i++;
      this.ws();
      out.set(k, this.value(depth + 1));
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '}') {
        this.i++;
        return out;
      }
      this.fail("Expecting ',' delimiter");
    }
  }
}

export interface DumpOptions {
  /** Python `indent`: undefined for one line. */
  indent?: number;
  /** Python `ensure_ascii` (default true). */
  ensureAscii?: boolean;
  /** Python `separators`; default (', ', ': ') without indent and (',', ': ') with it. */
  separators?: [string, string];
}

/** Python `json.dumps(value, …)`. */
export function dumpsPyJson(v: PyValue, opts: DumpOptions = {}): string {
  const ensureAscii = opts.ensureAscii ?? true;
  const [itemSep, keySep] = opts.separators ?? (opts.indent === undefined ? [', ', ': '] : [',', ': ']);
  const indent = opts.indent === undefined ? undefined : ' '.repeat(opts.indent);
  const out: string[] = [];
  const write = (x: PyValue, level: number): void => {
    if (x === null) out.push('null');
    else if (typeof x === 'boolean') out.push(x ? 'true' : 'false');
    else if (typeof x === 'string') out.push(jsonString(x, ensureAscii));
    else if (typeof x === 'number' || typeof x === 'bigint') out.push(String(x));
    else if (x instanceof PyFloat) out.push(jsonFloat(x.value));
    else if (Array.isArray(x) || x instanceof PyTuple) {
      const items = Array.isArray(x) ? x : x.items;
      if (items.length === 0) return void out.push('[]');
      out.push('[');
      items.forEach((item, n) => {
        if (n > 0) out.push(itemSep);
        if (indent !== undefined) out.push('\n' + indent.repeat(level + 1));
        write(item, level + 1);
      });
      if (indent !== undefined) out.push('\n' + indent.repeat(level));
      out.push(']');
    } else if (x instanceof PyDict) {
      if (x.size === 0) return void out.push('{}');
      out.push('{');
      x.entries().forEach(([k, item], n) => {
        if (n > 0) out.push(itemSep);
        if (indent !== undefined) out.push('\n' + indent.repeat(level + 1));
        out.push(jsonString(jsonKey(k), ensureAscii), keySep);
        write(item, level + 1);
      });
      if (indent !== undefined) out.push('\n' + indent.repeat(level));
      out.push('}');
    }
  };
  write(v, 0);
  return out.join('');
}

function jsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return pyFloatRepr(x);
}

function jsonKey(k: PyValue): string {
  if (typeof k === 'string') return k;
  if (k === null) return 'null';
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (typeof k === 'number' || typeof k === 'bigint') return String(k);
  if (k instanceof PyFloat) return jsonFloat(k.value);
  throw new TypeError(`keys must be str, int, float, bool or None, not ${typeof k}`);
}

const ESC: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function jsonString(s: string, ensureAscii: boolean): string {
  // eslint-disable-next-line no-control-regex
  const re = ensureAscii ? /["\\\u0000-\u001f\u007f-\uffff]/g : /["\\\u0000-\u001f]/g;
  return (
    '"' +
    s.replace(re, (ch) => {
      const e = ESC[ch];
      if (e) return e;
      const c = ch.charCodeAt(0);
      return '\\u' + c.toString(16).padStart(4, '0');
    }) +
    '"'
  );
}
