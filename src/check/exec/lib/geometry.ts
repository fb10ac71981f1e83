/** Geometry and kinematics functions of the BFCL executable library (bfcl-spec-v1.md §4.4). */
import { PyDict, PyError, type PyValue } from '../../../core/pyvalue.js';
import { add, eq, F, ge, gt, mul, neg, pow, pyAbs, sub, truediv } from '../../../core/pyops.js';
import { getitem, len } from '../pybuiltins.js';
import { defineFunction, type ExecFunction } from '../registry.js';

const HALF = F(0.5);

export const geometryFunctions: ExecFunction[] = [
  defineFunction('calculate_triangle_area', ['base', 'height'], ([base, height]) => truediv(mul(base!, height!), 2)),
  defineFunction('get_distance', ['pointA', 'pointB'], ([a, b]) =>
    pow(add(pow(sub(getitem(a!, 0), getitem(b!, 0)), 2), pow(sub(getitem(a!, 1), getitem(b!, 1)), 2)), HALF),
  ),
  defineFunction('geometry_area_circle', ['radius'], ([r]) => mul(F(Math.PI), pow(r!, 2))),
  defineFunction('quadratic_roots', ['a', 'b', 'c'], ([a, b, c]) => {
    const d = sub(pow(b!, 2), mul(mul(4, a!), c!));
    if (ge(d, 0)) {
      const r1 = truediv(add(neg(b!), pow(d, HALF)), mul(2, a!));
      const r2 = truediv(sub(neg(b!), pow(d, HALF)), mul(2, a!));
      return [r1, r2];
    }
    const real = truediv(neg(b!), mul(2, a!));
    const imag = truediv(pow(pyAbs(d), HALF), mul(2, a!));
    return [PyDict.fromObject({ real, imaginary: imag }), PyDict.fromObject({ real, imaginary: neg(imag) })];
  }),
  defineFunction('calculate_final_velocity', ['initial_velocity', 'acceleration', 'time'], ([v0, a, t]) => add(v0!, mul(a!, t!))),
  defineFunction('calculate_displacement', ['initial_velocity', 'acceleration', 'time'], ([v0, a, t]) =>
    add(mul(v0!, t!), mul(mul(HALF, a!), pow(t!, 2))),
  ),
  defineFunction('calculate_electrostatic_potential_energy', ['charge', 'voltage'], ([q, v]) => mul(q!, v!)),
  defineFunction('calculate_density', ['mass', 'volume'], ([m, v]) => truediv(m!, v!)),
  defineFunction('polygon_area', ['vertices'], ([vertices], { budget }) => {
    const n = len(vertices!);
    if (n < 3) throw new PyError('ValueError', 'A polygon must have at least 3 vertices.');
    if (!Array.isArray(vertices)) throw new PyError('AttributeError', `'${typeof vertices === 'string' ? 'str' : 'tuple'}' object has no attribute 'append'`);
    const vs: PyValue[] = [...vertices, getitem(vertices, 0)]; // BFCL mutates the argument; ours is a fresh copy
    let area: PyValue = 0;
    for (let i = 0; i < n; i++) {
      budget.tick();
      area = add(area, sub(mul(getitem(vs[i]!, 0), getitem(vs[i + 1]!, 1)), mul(getitem(vs[i + 1]!, 0), getitem(vs[i]!, 1))));
    }
    return truediv(pyAbs(area), F(2.0));
  }),
  defineFunction('maxPoints', ['points'], ([points], { budget }) => {
    let counter: PyValue = 1;
    const n = len(points!);
    if (n < 2) return 1;
    for (let i = 0; i < n; i++) {
      const lst = new PyDict();
      for (let j = i + 1; j < n; j++) {
        budget.tick();
        const pj = getitem(points!, j);
        const pi = getitem(points!, i);
        const y = sub(getitem(pj, 1), getitem(pi, 1));
        const x = sub(getitem(pj, 0), getitem(pi, 0));
        const key: PyValue = !eq(x, 0) ? truediv(y, x) : 'inf';
        lst.set(key, add(1, lst.get(key) ?? 0));
      }
      for (const v of lst.values()) counter = maxOf(counter, v);
    }
    return add(counter, 1);
  }),
];

/** Python `max(a, b)`: b wins only when b > a. */
function maxOf(a: PyValue, b: PyValue): PyValue {
  return gt(b, a) ? b : a;
}
