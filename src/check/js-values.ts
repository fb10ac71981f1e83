/**
 * BFCL §5.11: the JavaScript value converter. Argument source text → Python value by the
 * declared type; text that does not fit stays a str. Arrays and objects are picked apart with
 * regular expressions, not parsed (BFCL's patterns, with RX keeping Python's `\s`, `\d`, `.`, `$`).
 */
import { PyDict, PyFloat, type PyValue } from '../core/pyvalue.js';
import { CheckerCrash, CRASH } from './checker-crash.js';
import { runtimeTypeOf } from './declared-types.js';
import { pyDropLast, pyFloatFromText, pyInner, pyIntFromText, pyStrip, pyStripChars, RX } from './py-text.js';

const { s: S, d: D, dot: DOT, end: END } = RX;

const INTEGER = new RegExp(`^-?${D}+${END}`, 'u');
const FLOAT = new RegExp(`^-?${D}+(?:\\.${D}+)?${END}`, 'u');
const BIGINT = new RegExp(`^-?${D}+n${END}`, 'u');

// Python `re.match` (anchored at the start only) is the sticky flag.
const ARRAY_2D = new RegExp(
  `\\[${S}*\\[${DOT}*?\\]${S}*(?:,${S}*\\[${DOT}*?\\]${S}*)*\\]` + `|new${S}+Array\\(${S}*\\[${DOT}*?\\]${S}*(?:,${S}*\\[${DOT}*?\\]${S}*)*\\)`,
  'uy',
);
const INNER_ARRAY = new RegExp(`\\[(${DOT}*?)\\]`, 'gu');
const ARRAY_1D = new RegExp(`\\[(${DOT}*?)\\]|new${S}+Array\\((${DOT}*?)\\)`, 'uy');
const OBJECT = new RegExp(`\\{(${DOT}*?)\\}`, 'uy');
const PAIR = new RegExp(`([^:]+):${S}*(${DOT}*?)(?:,${S}*(?=[^,]+:)|${END})`, 'gu');

function isQuoted(v: string): boolean {
  return (v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"));
}

function anchored(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

/** BFCL `js_type_converter(value, expected_type, nested_type)`. */
export function convertJsValue(value: string, declared: string, elementType?: string): PyValue {
  if (runtimeTypeOf('javascript', declared) === undefined) throw new CheckerCrash(CRASH.unknownType, `Unsupported type: ${declared}`);
  switch (declared) {
    case 'String':
      return isQuoted(value) ? pyInner(value) : value;
    case 'integer':
      return INTEGER.test(value) ? intOf(value) : value;
    case 'float': {
      if (!FLOAT.test(value)) return value;
      return new PyFloat(pyFloatFromText(value)!);
    }
    case 'Bigint':
      return BIGINT.test(value) ? intOf(pyDropLast(value)) : value;
    case 'Boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'dict':
      return parseObject(value);
    case 'array':
      return parseArray(value, elementType);
    default:
      // any
      return value;
  }
}

function intOf(text: string): number | bigint {
  const v = pyIntFromText(text);
  // BFCL quirk: text its pattern accepted can still fail `int()` (e.g. "5n\n"); BFCL raises there.
  if (v === undefined) throw new CheckerCrash(CRASH.unhandledValue, `invalid literal for int() with base 10: ${JSON.stringify(text)}`);
  return v;
}

/** BFCL `parse_js_collection(code, "array", nested_type)`. */
function parseArray(value: string, elementType: string | undefined): PyValue {
  const code = pyStrip(value);
  try {
    const m2 = anchored(ARRAY_2D, code);
    if (m2) {
      // BFCL quirk: rows are found by a non-greedy `[...]` search and elements parsed generically,
      // whatever the element type; the first row keeps nothing of its opening bracket.
      const rows: PyValue[] = [];
      let idx = 0;
      for (const r of m2[0].matchAll(INNER_ARRAY)) {
        let row = pyStrip(r[1]!);
        if (idx === 0 && row.startsWith('[')) row = row.slice(1);
        rows.push(row.split(',').map((e) => parseJsValue(pyStrip(e))));
        idx++;
      }
      return rows;
    }
    const m1 = anchored(ARRAY_1D, code);
    if (!m1) return code;
    const inner = m1[1] ?? m1[2];
    const text = inner === undefined ? '' : pyStrip(inner);
    const pieces = text ? text.split(',') : [];
    if (elementType) {
      return pieces.map((e) => {
        const t = pyStrip(e);
        // A quoted element is converted with nested type "String", which only matters for collections.
        return t.startsWith("'") || t.startsWith('"') ? convertJsValue(t, elementType, 'String') : convertJsValue(t, elementType);
      });
    }
    return pieces.map((e) => parseJsValue(pyStrip(e)));
  } catch (e) {
    // BFCL quirk: any error while converting an array gives back the (stripped) source text.
    if (e instanceof CheckerCrash) return code;
    throw e;
  }
}

/** BFCL `parse_js_collection(code, "dict")`. */
function parseObject(value: string): PyValue {
  const code = pyStrip(value);
  if (code === '{}') return new PyDict();
  const m = anchored(OBJECT, code);
  if (!m) return code;
  const out = new PyDict();
  for (const p of m[1]!.matchAll(PAIR)) {
    const key = pyStripChars(pyStrip(p[1]!), `'"`);
    const v = pyStrip(p[2]!);
    if (v.startsWith('[') && v.endsWith(']')) out.set(key, parseArray(v, undefined));
    else if (v.startsWith('{') && v.endsWith('}')) out.set(key, parseObject(v));
    else out.set(key, parseJsValue(pyStripChars(v, `'"`)));
  }
  return out;
}

/** BFCL `parse_js_value`: a value without a declared type. */
export function parseJsValue(text: string): PyValue {
  const v = pyStrip(text);
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (isQuoted(v)) return pyInner(v);
  const i = pyIntFromText(v);
  if (i !== undefined) return i;
  const f = pyFloatFromText(v);
  if (f !== undefined) return new PyFloat(f);
  return v;
}
