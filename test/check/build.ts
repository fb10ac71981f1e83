/** Test helpers: decoded model outputs built by hand, checked against real dataset entries. */
import { checkAst } from '../../src/check/ast.js';
import type { Language } from '../../src/core/format.js';
import { PyDict, PyFloat, PyTuple, type PyValue } from '../../src/core/pyvalue.js';
import type { Verdict } from '../../src/core/types.js';
import { answersOf, casesOf } from '../fixtures/conformance.js';

/** `{name: {args}}`, one decoded call. */
export function call(name: string, args: Record<string, PyValue> = {}): PyDict {
  return new PyDict([[name, PyDict.fromObject(args)]]);
}
export const fl = (x: number): PyFloat => new PyFloat(x);
export const tup = (...xs: PyValue[]): PyTuple => new PyTuple(xs);
export const dict = (o: Record<string, PyValue>): PyDict => PyDict.fromObject(o);

function categoryOf(id: string): string {
  return id.replace(/_\d+(-\d+-\d+)?$/, '');
}

function languageOf(category: string): Language {
  return category === 'simple_java' ? 'java' : category === 'simple_javascript' ? 'javascript' : 'python';
}

/** Check a decoded output against the real entry `id` of shared/bfcl-data. */
export function checkEntry(id: string, decoded: PyValue, underscoreToDot = false): Verdict {
  const category = categoryOf(id);
  const c = casesOf(category).get(id);
  const a = answersOf(category).get(id);
  if (!c || !a) throw new Error(`no entry ${id}`);
  return checkAst({ category, language: languageOf(category), functions: c.functions, decoded, expected: a.calls, underscoreToDot });
}

/** `null` when valid, else the error type. */
export function errorTypeOf(v: Verdict): string | null {
  return v.valid ? null : (v.errorType ?? '?');
}

export function verdictType(id: string, decoded: PyValue, underscoreToDot = false): string | null {
  return errorTypeOf(checkEntry(id, decoded, underscoreToDot));
}
