/** Booking, food-ordering and nutrition functions of the BFCL executable library (bfcl-spec-v1.md §4.4). */
import { PyDict, type PyValue } from '../../../core/pyvalue.js';
import { add, eq, F, mul, sub, truediv, truthy } from '../../../core/pyops.js';
import { getitem, len, pyRange, pySum } from '../pybuiltins.js';
import { defineFunction, type ExecFunction } from '../registry.js';

const MULTIPLIERS = [F(1.2), F(1.375), F(1.55), F(1.725), F(1.9)];

export const orderFunctions: ExecFunction[] = [
  defineFunction(
    'book_room',
    ['room_type', 'price', 'check_in_date', 'check_out_date', 'customer_id', ['discount_code', null]],
    ([roomType, price, checkIn, checkOut, customerId, discount]) => {
      let total: PyValue = price as PyValue;
      if (truthy(discount!) && eq(discount!, 'DISCOUNT10')) total = mul(total, F(0.9));
      return PyDict.fromObject({
        customer_id: customerId!,
        room_number: roomType!,
        check_in_date: checkIn!,
        check_out_date: checkOut!,
        total_price: total,
      });
    },
  ),
  defineFunction('order_food', ['item', 'quantity', 'price'], ([item, quantity, price], { budget }) => {
    const n = len(item!);
    budget.tick(n);
    const terms: PyValue[] = pyRange(0, n, 1_000_000).map((i) => mul(getitem(quantity!, i), getitem(price!, i)));
    return pySum(terms);
  }),
  defineFunction(
    'calculate_nutritional_needs',
    ['weight', 'height', 'age', 'gender', 'activity_level', 'goal'],
    ([weight, height, age, gender, activity, goal]) => {
      const bmr = eq(gender!, 'male')
        ? sub(add(add(F(88.362), mul(F(13.397), weight!)), mul(F(4.799), height!)), mul(F(5.677), age!))
        : sub(add(add(F(447.593), mul(F(9.247), weight!)), mul(F(3.098), height!)), mul(F(4.33), age!));
      let tdee = mul(bmr, getitem(MULTIPLIERS, sub(activity!, 1)));
      if (eq(goal!, 'lose')) tdee = sub(tdee, 500);
      else if (eq(goal!, 'gain')) tdee = add(tdee, 500);
      return PyDict.fromObject({
        calories: tdee,
        proteins_g: truediv(mul(tdee, F(0.3)), 4),
        fats_g: truediv(mul(tdee, F(0.25)), 9),
        carbohydrates_g: truediv(mul(tdee, F(0.45)), 4),
      });
    },
  ),
];
