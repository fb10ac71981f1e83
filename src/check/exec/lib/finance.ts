/** Finance functions of the BFCL executable library (bfcl-spec-v1.md §4.4). */
import type { PyValue } from '../../../core/pyvalue.js';
import { add, le, mul, pow, sub, truediv, truthy } from '../../../core/pyops.js';
import { getitem, len, pyRange } from '../pybuiltins.js';
import { defineFunction, type ExecFunction } from '../registry.js';

export const financeFunctions: ExecFunction[] = [
  defineFunction('mortgage_calculator', ['loan_amount', 'interest_rate', 'loan_period'], ([loan, rate, period]) => {
    const r = truediv(rate!, 12);
    const n = mul(period!, 12);
    const growth = pow(add(1, r), n);
    return truediv(mul(mul(loan!, r), growth), sub(pow(add(1, r), n), 1));
  }),
  defineFunction('calculate_future_value', ['present_value', 'interest_rate', 'periods'], ([pv, rate, periods]) =>
    mul(pv!, pow(add(1, rate!), periods!)),
  ),
  defineFunction(
    'calculate_investment_value',
    ['initial_investment', 'annual_contribution', 'years', 'annual_return', 'inflation_rate', ['adjust_for_inflation', true]],
    ([initial, contribution, years, ret, inflation, adjust], { budget }) => {
      let current: PyValue = initial!;
      let real: PyValue = initial!;
      for (const year of pyRange(1, add(years!, 1), 1_000_000)) {
        budget.tick();
        current = add(mul(current, add(1, ret!)), contribution!);
        if (truthy(adjust!)) {
          const adjustment = le(year, len(inflation!)) ? sub(1, getitem(inflation!, year - 1)) : sub(1, getitem(inflation!, -1));
          real = add(mul(real, sub(add(1, ret!), getitem(inflation!, year - 1))), mul(contribution!, adjustment));
        } else real = current;
      }
      return truthy(adjust!) ? real : current;
    },
  ),
];
