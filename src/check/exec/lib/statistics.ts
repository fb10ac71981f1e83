/** Statistics and linear-algebra functions of the BFCL executable library (bfcl-spec-v1.md §4.4). */
import type { PyValue } from '../../../core/pyvalue.js';
import { add, F, mul, pow, sub, truediv } from '../../../core/pyops.js';
import { getitem, iterate, len, pyRange, pySorted, pySum } from '../pybuiltins.js';
import { defineFunction, type Budget, type ExecFunction } from '../registry.js';

const HALF = F(0.5);

/** `sum(f(x) for x in items)`, starting from int 0. */
function sumOf(items: PyValue[], f: (x: PyValue) => PyValue, budget: Budget): PyValue {
  let acc: PyValue = 0;
  for (const x of items) {
    budget.tick();
    acc = add(acc, f(x));
  }
  return acc;
}

function mean(numbers: PyValue, budget: Budget): PyValue {
  budget.tick(len(numbers));
  return truediv(pySum(numbers), len(numbers));
}

export const statisticsFunctions: ExecFunction[] = [
  defineFunction('calculate_mean', ['numbers'], ([numbers], { budget }) => mean(numbers!, budget)),
  defineFunction('calculate_standard_deviation', ['numbers'], ([numbers], { budget }) => {
    const m = mean(numbers!, budget);
    const variance = truediv(sumOf(iterate(numbers!), (x) => pow(sub(x, m), 2), budget), len(numbers!));
    return pow(variance, HALF);
  }),
  defineFunction('calculate_cosine_similarity', ['vectorA', 'vectorB'], ([a, b], { budget }) => {
    const idxA = pyRange(0, len(a!), 1_000_000);
    const idxB = pyRange(0, len(b!), 1_000_000);
    const dot = sumOf(idxA, (i) => mul(getitem(a!, i), getitem(b!, i)), budget);
    const magA = pow(sumOf(idxA, (i) => pow(getitem(a!, i), 2), budget), HALF);
    const magB = pow(sumOf(idxB, (i) => pow(getitem(b!, i), 2), budget), HALF);
    return truediv(dot, mul(magA, magB));
  }),
  defineFunction('mat_mul', ['matA', 'matB'], ([a, b], { budget }) => {
    const cols = len(getitem(b!, 0));
    const rows = len(a!);
    const inner = len(b!);
    budget.tick(rows * cols);
    const result: PyValue[][] = [];
    for (let j = 0; j < rows; j++) result.push(new Array<PyValue>(cols).fill(0));
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++)
        for (let k = 0; k < inner; k++) {
          budget.tick();
          result[i]![j] = add(result[i]![j]!, mul(getitem(getitem(a!, i), k), getitem(getitem(b!, k), j)));
        }
    return result;
  }),
  defineFunction('linear_regression', ['x', 'y', 'point'], ([x, y, point], { budget }) => {
    const n = len(x!);
    const sumX = pySum(x!);
    const sumY = pySum(y!);
    const sumX2 = sumOf(iterate(x!), (xi) => pow(xi, 2), budget);
    const sumXY = sumOf(pyRange(0, n, 1_000_000), (i) => mul(getitem(x!, i), getitem(y!, i)), budget);
    const slope = truediv(sub(mul(n, sumXY), mul(sumX, sumY)), sub(mul(n, sumX2), pow(sumX, 2)));
    const intercept = truediv(sub(sumY, mul(slope, sumX)), n);
    return add(mul(slope, point!), intercept);
  }),
  defineFunction('sort_array', ['array', ['reverse', false]], ([array, reverse], { budget }) => {
    budget.tick(len(array!));
    return pySorted(array!, reverse!);
  }),
];
