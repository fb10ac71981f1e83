/**
 * BFCL §5.10: the Java value converter. The Java decoder hands the checker every argument as
 * source text; this turns the text into a Python value by the parameter's declared type. Text
 * that does not fit the declared type is returned unchanged (a str), which then usually fails
 * the type check. The patterns below are BFCL's Python regular expressions written with RX so
 * that `\s`, `\d`, `\w`, `.` and `$` keep their Python meaning.
 */
import { PyDict, PyFloat, type PyValue } from '../core/pyvalue.js';
import { CheckerCrash, CRASH } from './checker-crash.js';
import { runtimeTypeOf } from './declared-types.js';
import { pyDropLast, pyFloatFromText, pyInner, pyIntFromText, pyStrip, RX } from './py-text.js';

const { s: S, d: D, w: W, dot: DOT, end: END } = RX;

const INTEGER = new RegExp(`^-?${D}+${END}`, 'u');
const FLOAT_F = new RegExp(`^-?${D}+(?:\\.${D}+)?(?:[eE][+-]?${D}+)?[fF]${END}`, 'u');
const DOUBLE = new RegExp(`^-?${D}+(?:\\.${D}+)?(?:[eE][+-]?${D}+)?${END}`, 'u');
const LONG = new RegExp(`^-?${D}+[lL]${END}`, 'u');
const F_SUFFIX = new RegExp(`[fF]${END}`, 'gu');
const L_SUFFIX = new RegExp(`[lL]${END}`, 'gu');

const ARRAY = new RegExp(`new${S}+${W}+\\[\\]${S}*\\{(${DOT}*?)\\}`, 'u');
const ARRAYLIST_ASLIST = new RegExp(`new${S}+ArrayList<${W}*>\\(Arrays\\.asList\\((${DOT}+?)\\)\\)`, 'u');
const ARRAYLIST_ADD = new RegExp(`new${S}+ArrayList<${W}*>\\(\\)${S}*\\{\\{${S}*([\\s\\S]+?)${S}*\\}\\}`, 'u');
const ADD_CALL = new RegExp(`add\\((${DOT}+?)\\)`, 'gu');
const ARRAYLIST_EMPTY = new RegExp(`new${S}+ArrayList<${W}*>\\(\\)`, 'u');
const HASHMAP = new RegExp(`new${S}+HashMap<[\\s\\S]*?>${S}*\\(\\)${S}*\\{${S}*\\{?${S}*([\\s\\S]*?)${S}*\\}?${S}*\\}`, 'u');
const PUT_CALL = new RegExp(`put\\("(${DOT}*?)",${S}*(${DOT}*?)\\)`, 'gu');
const HASHMAP_EMPTY = new RegExp(`new${S}+HashMap<${DOT}*?>${S}*\\(\\)`, 'u');

function intOf(text: string): number | bigint {
  const v = pyIntFromText(text);
  // BFCL quirk: `int()` on text its own pattern accepted can still raise (e.g. "5L\n"); BFCL crashes.
  if (v === undefined) throw new CheckerCrash(CRASH.unhandledValue, `invalid literal for int() with base 10: ${JSON.stringify(text)}`);
  return v;
}

function floatOf(text: string): PyFloat {
  const v = pyFloatFromText(text);
  if (v === undefined) throw new CheckerCrash(CRASH.unhandledValue, `could not convert string to float: ${JSON.stringify(text)}`);
  return new PyFloat(v);
}

/**
 * BFCL `java_type_converter(value, expected_type, nested_type)`. Throws CheckerCrash where
 * BFCL raises (types it lists but does not implement, types it does not list).
 */
export function convertJavaValue(value: string, declared: string, elementType?: string): PyValue {
  if (runtimeTypeOf('java', declared) === undefined) throw new CheckerCrash(CRASH.unknownType, `Unsupported type: ${declared}`);
  switch (declared) {
    case 'byte':
    case 'short':
    case 'integer':
      return INTEGER.test(value) ? intOf(value) : value;
    case 'float':
      return FLOAT_F.test(value) ? floatOf(value.replace(F_SUFFIX, '')) : value;
    case 'double':
      return DOUBLE.test(value) ? floatOf(value) : value;
    case 'long':
      return LONG.test(value) ? intOf(value.replace(L_SUFFIX, '')) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'char':
      // BFCL quirk: the char pattern `^\'.$\'` can never match, so a char stays as written.
      return value;
    case 'Array':
      return parseArray(value, elementType);
    case 'ArrayList':
      return parseArrayList(value, elementType);
    case 'HashMap':
      return parseHashMap(value);
    case 'String':
    case 'any':
      return value;
    default:
      // Set, Hashtable, Queue, Stack.
      throw new CheckerCrash(CRASH.unsupportedType, `${declared} conversion is not implemented`);
  }
}

function convertElement(text: string, elementType: string | undefined): PyValue {
  // An element type of "" counts as none (Python truthiness).
  return elementType ? convertJavaValue(text, elementType) : parseJavaValue(text);
}

/** `new T[]{a, b}`: naive split on commas. */
function parseArray(text: string, elementType: string | undefined): PyValue {
  const m = ARRAY.exec(text);
  if (!m) return text;
  const out: PyValue[] = [];
  for (const piece of m[1]!.split(',')) {
    const t = pyStrip(piece);
    // BFCL quirk: for String elements the double quotes are kept ("\"a\""), so a quoted String[] never matches.
    if (t) out.push(convertElement(t, elementType));
  }
  return out;
}

function arrayListElement(text: string, elementType: string | undefined): PyValue {
  // For char and String elements the first and last character are cut off, whatever they are.
  if (elementType === 'char' || elementType === 'String') return pyInner(text);
  return convertElement(text, elementType);
}

/** `new ArrayList<T>(Arrays.asList(a, b))`, `new ArrayList<T>() {{ add(a); }}`, `new ArrayList<T>()`. */
function parseArrayList(text: string, elementType: string | undefined): PyValue {
  const asList = ARRAYLIST_ASLIST.exec(text);
  if (asList) return asList[1]!.split(',').map((p) => arrayListElement(pyStrip(p), elementType));
  const adds = ARRAYLIST_ADD.exec(text);
  if (adds) return [...adds[1]!.matchAll(ADD_CALL)].map((m) => arrayListElement(pyStrip(m[1]!), elementType));
  if (ARRAYLIST_EMPTY.test(text)) return [];
  return text;
}

/** `new HashMap<K, V>() {{ put("k", v); }}` (keys must be double-quoted), or an empty map. */
function parseHashMap(text: string): PyValue {
  const m = HASHMAP.exec(text);
  if (m) {
    const out = new PyDict();
    const puts = m[1]!;
    if (pyStrip(puts)) for (const p of puts.matchAll(PUT_CALL)) out.set(p[1]!, parseJavaValue(pyStrip(p[2]!)));
    return out;
  }
  if (HASHMAP_EMPTY.test(text)) return new PyDict();
  return text;
}

const LONG_ANY = new RegExp(`^-?${D}+[lL]${END}`, 'u');

/** BFCL `parse_java_value`: an element or map value without a declared type. */
export function parseJavaValue(text: string): PyValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.startsWith('"') && text.endsWith('"')) return pyInner(text);
  if (LONG_ANY.test(text)) return intOf(pyDropLast(text));
  if (FLOAT_F.test(text)) return floatOf(text.replace(F_SUFFIX, ''));
  const i = pyIntFromText(text);
  if (i !== undefined) return i;
  const f = pyFloatFromText(text);
  if (f !== undefined) return new PyFloat(f);
  return text;
}
