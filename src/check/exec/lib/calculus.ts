/** `estimate_derivative` of the BFCL executable library (bfcl-spec-v1.md §4.4). */
import { PyError, type PyValue } from '../../../core/pyvalue.js';
import { add, F, sub, truediv } from '../../../core/pyops.js';
import { defineFunction, type ExecFunction } from '../registry.js';
import { asPy, evaluate, isCallable, moduleGlobals, parseExpression, type LValue } from './pylambda.js';

const H = F(1e-10);

export const calculusFunctions: ExecFunction[] = [
  defineFunction('estimate_derivative', ['function', 'x'], ([fn, x], { budget }) => {
    // BFCL: the function text is evaluated by Python inside the function, so the text sees `function` and `x`.
    if (typeof fn !== 'string') throw new PyError('TypeError', 'eval() arg 1 must be a string, bytes or code object');
    const globals = moduleGlobals();
    const locals = new Map<string, LValue>([
      ['function', fn],
      ['x', x!],
    ]);
    const func = evaluate(parseExpression(fn), locals, globals, budget);
    const call = (arg: PyValue): PyValue => {
      if (!isCallable(func)) throw new PyError('TypeError', `'${describeValue(func)}' object is not callable`);
      return asPy(func.call([arg]));
    };
    return truediv(sub(call(add(x!, H)), call(x!)), H);
  }),
];

function describeValue(v: LValue): string {
  if (v !== null && typeof v === 'object' && 'opaque' in v) return v.opaque;
  if (v !== null && typeof v === 'object' && 'module' in v) return 'module';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'int';
  if (v === null) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  return (v as { constructor: { name: string } }).constructor.name === 'PyFloat' ? 'float' : 'object';
}
