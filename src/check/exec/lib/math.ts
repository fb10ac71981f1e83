/** Number-theory and combinatorics functions of the BFCL executable library (bfcl-spec-v1.md §4.4). */
import { PyError, type PyValue } from '../../../core/pyvalue.js';
import { add, asBig, eq, gt, le, mod, mul, pow as powOf, sub, truediv } from '../../../core/pyops.js';
import { getitem, intFromStr, pyRange } from '../pybuiltins.js';
import { defineFunction, type Budget, type ExecFunction } from '../registry.js';

/** `result = 1; for i in range(1, n + 1): result *= i` */
export function factorial(n: PyValue, budget: Budget): PyValue {
  const stop = add(n, 1);
  let result: PyValue = 1;
  for (const i of pyRange(1, stop, 200_000)) {
    result = mul(result, i);
    budget.tick(1 + (typeof result === 'bigint' ? Math.ceil(result.toString(16).length / 16) : 0));
  }
  return result;
}

const RECURSION_LIMIT = 990;

function gcd(a: PyValue, b: PyValue, budget: Budget, depth = 0): PyValue {
  if (depth > RECURSION_LIMIT) throw new PyError('RecursionError', 'maximum recursion depth exceeded in comparison');
  budget.tick();
  if (eq(b, 0)) return a;
  return gcd(b, mod(a, b), budget, depth + 1);
}

export const mathFunctions: ExecFunction[] = [
  defineFunction('math_factorial', ['n'], ([n], { budget }) => factorial(n!, budget)),
  defineFunction('math_gcd', ['a', 'b'], ([a, b], { budget }) => gcd(a!, b!, budget)),
  defineFunction('math_lcm', ['a', 'b'], ([a, b], { budget }) => truediv(mul(a!, b!), gcd(a!, b!, budget))),
  defineFunction('get_prime_factors', ['number'], ([number], { budget }) => {
    const factors: PyValue[] = [];
    let divisor: PyValue = 2;
    let x = number!;
    while (gt(x, 1)) {
      budget.tick();
      while (eq(mod(x, divisor), 0)) {
        budget.tick();
        factors.push(divisor);
        x = truediv(x, divisor);
      }
      divisor = add(divisor, 1);
    }
    return factors;
  }),
  defineFunction('calc_binomial_probability', ['n', 'k', 'p'], ([n, k, p], { budget }) =>
    mul(
      truediv(factorial(n!, budget), mul(factorial(k!, budget), factorial(sub(n!, k!), budget))),
      mul(powOf(p!, k!), powOf(sub(1, p!), sub(n!, k!))),
    ),
  ),
  defineFunction('calculate_permutations', ['n', 'k'], ([n, k], { budget }) => truediv(factorial(n!, budget), factorial(sub(n!, k!), budget))),
  defineFunction('get_fibonacci_sequence', ['n'], ([n], { budget }) => {
    const seq: PyValue[] = [0, 1];
    for (const i of pyRange(2, n!, 100_000)) {
      budget.tick();
      seq.push(add(getitem(seq, i - 1), getitem(seq, i - 2)));
    }
    return seq;
  }),
  defineFunction('get_fibonacci_number', ['n'], ([n], { budget }) => {
    if (le(n!, 0)) return 'Input should be a positive integer.';
    if (eq(n!, 1)) return 0;
    if (eq(n!, 2)) return 1;
    let a: PyValue = 0;
    let b: PyValue = 1;
    for (const _ of pyRange(2, n!, 100_000)) {
      budget.tick();
      [a, b] = [b, add(a, b)];
    }
    return b;
  }),
  defineFunction('add_binary_numbers', ['a', 'b'], ([a, b]) => {
    const s = add(intFromStr2(a!), intFromStr2(b!));
    const x = asBig(s);
    return x < 0n ? 'b' + (-x).toString(2) : x.toString(2);
  }),
];

const intFromStr2 = (v: PyValue): PyValue => intFromStr(v, 2);
