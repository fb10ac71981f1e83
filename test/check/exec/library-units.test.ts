/** Each local library function against values computed by hand, and Python's errors where Python raises. */
import { describe, expect, it } from 'vitest';
import { pyRepr } from '../../../src/core/pyrepr.js';
import { executeCall } from '../../../src/check/exec/execute.js';
import { bfclRegistry } from '../../../src/check/exec/library.js';

const registry = bfclRegistry();
async function run(call: string): Promise<string> {
  const r = await executeCall(call, { registry });
  return r.ok ? pyRepr(r.value) : `ERROR ${r.error}`;
}

// [call, Python's repr of the result (the bfcl-spec-v1 §4.4 formula evaluated in CPython 3)]
const CASES: Array<[string, string]> = [
  ['calculate_triangle_area(base=10, height=5)', '25.0'],
  ["calculate_triangle_area(base='ab', height=3)", "ERROR unsupported operand type(s) for /: 'str' and 'int'"],
  ['get_distance(pointA=[0, 0], pointB=[3, 4])', '5.0'],
  ['get_distance(pointA=(1, 1), pointB=(4, 5))', '5.0'],
  ['math_factorial(n=5)', '120'],
  ['math_factorial(n=25)', '15511210043330985984000000'],
  ['math_factorial(n=5.0)', "ERROR 'float' object cannot be interpreted as an integer"],
  ['quadratic_roots(a=1, b=-3, c=2)', '[2.0, 1.0]'],
  ['quadratic_roots(a=1, b=2, c=5)', "[{'real': -1.0, 'imaginary': 2.0}, {'real': -1.0, 'imaginary': -2.0}]"],
  ['geometry_area_circle(radius=1)', '3.141592653589793'],
  ['get_prime_factors(number=60)', '[2, 2, 3, 5]'],
  ['get_prime_factors(number=1)', '[]'],
  ['math_gcd(a=48, b=18)', '6'],
  ['math_gcd(a=-48, b=18)', '6'],
  ['math_gcd(a=48, b=-18)', '-6'],
  ['math_lcm(a=4, b=6)', '12.0'],
  ['calculate_final_velocity(initial_velocity=10, acceleration=2, time=5)', '20'],
  ['calculate_final_velocity(initial_velocity=10.0, acceleration=2, time=5)', '20.0'],
  ['calculate_displacement(initial_velocity=0, acceleration=2, time=3)', '9.0'],
  ['calculate_electrostatic_potential_energy(charge=2, voltage=3)', '6'],
  ['calculate_density(mass=10, volume=4)', '2.5'],
  ['calculate_density(mass=10, volume=0)', 'ERROR division by zero'],
  ['calculate_density(mass=10.0, volume=0)', 'ERROR float division by zero'],
  ['mat_mul(matA=[[1, 2], [3, 4]], matB=[[5, 6], [7, 8]])', '[[19, 22], [43, 50]]'],
  ['mat_mul(matA=[1, 2], matB=[3, 4])', "ERROR object of type 'int' has no len()"],
  ['calculate_mean(numbers=[1, 2, 3, 4])', '2.5'],
  ['calculate_mean(numbers=[])', 'ERROR division by zero'],
  ["calculate_mean(numbers='1, 2')", "ERROR unsupported operand type(s) for +: 'int' and 'str'"],
  ['calculate_standard_deviation(numbers=[2, 4, 4, 4, 5, 5, 7, 9])', '2.0'],
  ['calc_binomial_probability(n=2, k=1, p=0.5)', '0.5'],
  ['calc_binomial_probability(n=2, k=1, p=None)', "ERROR unsupported operand type(s) for ** or pow(): 'NoneType' and 'int'"],
  ['calculate_permutations(n=5, k=2)', '20.0'],
  ['get_fibonacci_sequence(n=7)', '[0, 1, 1, 2, 3, 5, 8]'],
  ['get_fibonacci_sequence(n=1)', '[0, 1]'],
  ['get_fibonacci_number(n=10)', '34'],
  ['get_fibonacci_number(n=0)', "'Input should be a positive integer.'"],
  ["estimate_derivative(function='lambda x: x**2', x=3)", '6.000000496442226'],
  ["estimate_derivative(function='3*x**2', x=3)", "ERROR 'int' object is not callable"],
  ["estimate_derivative(function='lambda t: t**2 + y', x=3)", "ERROR name 'y' is not defined"],
  ['calculate_cosine_similarity(vectorA=[1, 0], vectorB=[0, 1])', '0.0'],
  ['calculate_cosine_similarity(vectorA=[], vectorB=[])', 'ERROR float division by zero'],
  ['mortgage_calculator(loan_amount=1200, interest_rate=0.12, loan_period=1)', '106.61854641401'],
  ['calculate_future_value(present_value=100, interest_rate=0.1, periods=2)', '121.00000000000001'],
  ['sort_array(array=[3, 1, 2])', '[1, 2, 3]'],
  ['sort_array(array=[3, 1, 2], reverse=True)', '[3, 2, 1]'],
  ["sort_array(array=[1, 'a'])", "ERROR '<' not supported between instances of 'str' and 'int'"],
  ['linear_regression(x=[1, 2, 3], y=[2, 4, 6], point=4)', '8.0'],
  ["add_binary_numbers(a='101', b='11')", "'1000'"],
  ['add_binary_numbers(a=101, b=11)', "ERROR int() can't convert non-string with explicit base"],
  ['maxPoints(points=[[1, 1], [2, 2], [3, 3]])', '3'],
  ['maxPoints(points=[[1, 1]])', '1'],
  ['calculate_investment_value(initial_investment=1000, annual_contribution=0, years=1, annual_return=0.1, inflation_rate=[0.0], adjust_for_inflation=False)', '1100.0'],
  ['calculate_investment_value(initial_investment=1000, annual_contribution=0, years=2, annual_return=0.1, inflation_rate=[0.0])', 'ERROR list index out of range'],
  ["calculate_nutritional_needs(weight=70, height=175, age=30, gender='male', activity_level=1, goal='maintain')", "{'calories': 2034.8004, 'proteins_g': 152.61003, 'fats_g': 56.52223333333333, 'carbohydrates_g': 228.91504500000002}"],
  ["calculate_nutritional_needs(weight=70, height=175, age=30, gender='male', activity_level=1.0, goal='maintain')", 'ERROR list indices must be integers or slices, not float'],
  ["book_room(room_type='king', price=100, check_in_date='a', check_out_date='b', customer_id='c', discount_code='DISCOUNT10')", "{'customer_id': 'c', 'room_number': 'king', 'check_in_date': 'a', 'check_out_date': 'b', 'total_price': 90.0}"],
  ["book_room(room_type='king', price=100)", "ERROR book_room() missing 3 required positional arguments: 'check_in_date', 'check_out_date', and 'customer_id'"],
  ["order_food(item=['a', 'b'], quantity=[2, 3], price=[1.5, 2])", '9.0'],
  ['polygon_area(vertices=[[0, 0], [4, 0], [4, 3]])', '6.0'],
  ['polygon_area(vertices=[[0, 0], [4, 0]])', 'ERROR A polygon must have at least 3 vertices.'],
  ['math_factorial(m=5)', "ERROR math_factorial() got an unexpected keyword argument 'm'"],
  ['math_factorial(5)', '120'],
  ['math_factorial(5, n=5)', "ERROR math_factorial() got multiple values for argument 'n'"],
];

describe('library functions', () => {
  for (const [call, want] of CASES) it(call, async () => expect(await run(call)).toBe(want));
});
