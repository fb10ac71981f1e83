/** BFCL §5.2–§5.3: the simple-function check of one decoded call against one expected call. */
import type { Language } from '../core/format.js';
import { pyRepr } from '../core/pyrepr.js';
import { isInt, pyIn, PyFloat, PyTuple, pyTypeName, type PyValue } from '../core/pyvalue.js';
import { invalid, VALID, type ExpectedCall, type FunctionDoc, type ParamSchema, type Verdict } from '../core/types.js';
import type { DecodedCall } from './call-format.js';
import { CheckerCrash, CRASH } from './checker-crash.js';
import { hasElementType, runtimeTypeOf, type RuntimeType } from './declared-types.js';
import { checkDict } from './dict.js';
import { convertJavaValue } from './java-values.js';
import { convertJsValue } from './js-values.js';
import { checkList, checkListOfDicts } from './list.js';
import { checkString } from './strings.js';
import { checkType } from './type-check.js';

export interface CheckOptions {
  language: Language;
  /** BFCL `underscore_to_dot`: the model was sent names with '.' replaced by '_'. */
  underscoreToDot: boolean;
  /** The dict check (profile option; default: the v4 rule of dict.ts). */
  checkDict?: DictCheck;
  /** How an expected call finds its function doc (profile option; default: the doc with exactly that name). */
  findDoc?: (functions: readonly FunctionDoc[], expectedName: string) => FunctionDoc | undefined;
  /** When set, an expected call without a doc fails with this error type instead of a checker crash (v1). */
  missingDocErrorType?: string;
  /** The JavaScript value converter (profile option; default: js-values.ts, BFCL after PR #549). */
  convertJs?: (value: string, declared: string, elementType?: string) => PyValue;
}

/** The signature of a dict check (dict.ts for v4, v1-dict.ts for v1). */
export type DictCheck = (param: string, value: PyValue, options: readonly PyValue[]) => Verdict;

/** BFCL `convert_func_name`: the name the model call must carry. */
export function expectedCallName(docName: string, underscoreToDot: boolean): string {
  return underscoreToDot && docName.includes('.') ? docName.replaceAll('.', '_') : docName;
}

function declaredTypeOf(schema: ParamSchema, where: string): string {
  const t = schema.raw.get('type');
  if (typeof t !== 'string') throw new CheckerCrash(CRASH.malformedEntry, `${where} has no string "type"`);
  return t;
}

function runtimeType(language: Language, declared: string): RuntimeType {
  const t = runtimeTypeOf(language, declared);
  // BFCL would crash here (KeyError on its type table) and stop the whole run.
  if (t === undefined) throw new CheckerCrash(CRASH.unknownType, `Unknown declared type ${pyRepr(declared)} for ${language}.`);
  return t;
}

/**
 * Check one decoded call. `doc` is the function doc the parameters are read from (BFCL reads the
 * name to match from it too); `expected` gives the allowed values (its own name is not used).
 */
export function checkSimpleCall(doc: FunctionDoc | undefined, call: DecodedCall, expected: ExpectedCall, opts: CheckOptions): Verdict {
  // BFCL would crash on a missing doc (None["name"]).
  if (!doc) throw new CheckerCrash(CRASH.malformedEntry, `No function doc named ${pyRepr(expected.name)}.`);
  const gt = expected.params;
  const schema = doc.parameters.properties;
  const required = doc.parameters.required;
  if (!schema || !required) throw new CheckerCrash(CRASH.malformedEntry, `Function doc ${pyRepr(doc.name)} lacks "properties" or "required".`);

  const name = expectedCallName(doc.name, opts.underscoreToDot);
  if (call.name !== name) return invalid('simple_function_checker:wrong_func_name', `Function name ${pyRepr(name)} not found in model output.`);

  const args = call.args;
  for (const p of required) {
    if (!args.has(p)) return invalid('simple_function_checker:missing_required', `Missing required parameter: ${pyRepr(p)}.`);
  }

  for (const [param, raw] of args) {
    const options = typeof param === 'string' ? gt.get(param) : undefined;
    const ps = typeof param === 'string' ? schema.get(param) : undefined;
    if (!ps || !options) return invalid('simple_function_checker:unexpected_param', `Unexpected parameter: ${pyRepr(param)}.`);
    const v = checkParam(param as string, raw, ps, options, opts);
    if (!v.valid) return v;
  }

  for (const [param, options] of gt) {
    if (!args.has(param) && !pyIn('', options)) {
      return invalid('simple_function_checker:missing_optional', `Optional parameter ${pyRepr(param)} not provided and not marked as optional.`);
    }
  }
  return VALID;
}

function elementTypeOf(ps: ParamSchema, param: string): string {
  if (!ps.items) throw new CheckerCrash(CRASH.malformedEntry, `Parameter ${pyRepr(param)} has no "items".`);
  return declaredTypeOf(ps.items, `items of parameter ${pyRepr(param)}`);
}

function checkParam(param: string, raw: PyValue, ps: ParamSchema, options: PyValue[], opts: CheckOptions): Verdict {
  const language = opts.language;
  const dictCheck = opts.checkDict ?? checkDict;
  const declared = declaredTypeOf(ps, `parameter ${pyRepr(param)}`);
  const expected = runtimeType(language, declared);
  let elementType: RuntimeType | undefined;
  let value = raw;

  if (language === 'python') {
    if (hasElementType(language, declared)) elementType = runtimeType(language, elementTypeOf(ps, param));
  } else {
    if (typeof value !== 'string') {
      const errorType = language === 'java' ? 'type_error:java' : 'type_error:js';
      return invalid(errorType, `Incorrect type for parameter ${pyRepr(param)}. Expected type String, got ${pyTypeName(value)}. Parameter value: ${pyRepr(value)}.`);
    }
    const convert = language === 'java' ? convertJavaValue : (opts.convertJs ?? convertJsValue);
    if (hasElementType(language, declared)) {
      const items = elementTypeOf(ps, param);
      elementType = runtimeType(language, items);
      value = convert(value, declared, items);
    } else {
      value = convert(value, declared);
    }
  }

  // A tuple for a declared tuple becomes a list (so a list is accepted too).
  if (declared === 'tuple' && value instanceof PyTuple) value = value.items;
  // Python only, top level only: an int is accepted for a declared float.
  if (language === 'python' && declared === 'float' && isInt(value)) {
    const f = Number(value);
    // Python's float() raises OverflowError beyond the float range; BFCL would crash.
    if (!Number.isFinite(f)) throw new CheckerCrash(CRASH.unhandledValue, 'int too large to convert to float');
    value = new PyFloat(f);
  }

  const tc = checkType(param, value, options, declared, expected, elementType);
  if (!tc.verdict.valid) return tc.verdict;

  if (!tc.isVariable) {
    if (expected === 'dict') return dictCheck(param, value, options);
    if (expected === 'list' && elementType === 'dict') return checkListOfDicts(param, value as PyValue[], options, dictCheck);
    if (expected === 'str') return checkString(param, value as string, options);
    if (expected === 'list') return checkList(param, value as PyValue[], options);
  }
  if (!pyIn(value, options)) {
    return invalid('value_error:others', `Invalid value for parameter ${pyRepr(param)}: ${pyRepr(value)}. Expected one of ${pyRepr(options)}.`);
  }
  return VALID;
}
