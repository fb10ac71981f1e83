/**
 * The checker's tables from a declared BFCL type to the Python runtime type it expects, per
 * language (bfcl-spec.md §2.1, §5.3, §5.10, §5.11). A type missing from the table of its
 * language makes BFCL crash (KeyError); see CheckerCrash.
 */
import type { PyTypeName } from '../core/pyvalue.js';
import type { Language } from '../core/format.js';

/** A runtime type the checker compares with `type(value) ==`; `set` only appears for Java `Set`. */
export type RuntimeType = PyTypeName | 'set';

const PYTHON: Readonly<Record<string, RuntimeType>> = {
  string: 'str',
  integer: 'int',
  float: 'float',
  boolean: 'bool',
  array: 'list',
  tuple: 'list',
  dict: 'dict',
  any: 'str',
};

const JAVA: Readonly<Record<string, RuntimeType>> = {
  byte: 'int',
  short: 'int',
  integer: 'int',
  float: 'float',
  double: 'float',
  long: 'int',
  boolean: 'bool',
  char: 'str',
  Array: 'list',
  ArrayList: 'list',
  Set: 'set',
  HashMap: 'dict',
  Hashtable: 'dict',
  Queue: 'list',
  Stack: 'list',
  String: 'str',
  any: 'str',
};

const JAVASCRIPT: Readonly<Record<string, RuntimeType>> = {
  String: 'str',
  integer: 'int',
  float: 'float',
  Bigint: 'int',
  Boolean: 'bool',
  dict: 'dict',
  array: 'list',
  any: 'str',
};

const TABLES: Readonly<Record<Language, Readonly<Record<string, RuntimeType>>>> = { python: PYTHON, java: JAVA, javascript: JAVASCRIPT };

/** The runtime type for a declared type in a language, or undefined where BFCL raises KeyError. */
export function runtimeTypeOf(language: Language, declared: string): RuntimeType | undefined {
  const t = TABLES[language];
  return Object.hasOwn(t, declared) ? t[declared] : undefined;
}

/** Declared types whose element type (`items.type`) is read and checked. */
export function hasElementType(language: Language, declared: string): boolean {
  if (language === 'python') return declared === 'array' || declared === 'tuple';
  // BFCL's NESTED_CONVERSION_TYPE_LIST is shared by Java and JavaScript.
  return declared === 'Array' || declared === 'ArrayList' || declared === 'array';
}

/** Python's `str(type)` for messages, e.g. `<class 'int'>`. */
export function classRepr(t: RuntimeType): string {
  return `<class '${t}'>`;
}
