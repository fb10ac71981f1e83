/**
 * Python value semantics.
 *
 * A PyValue is what Python would hold after `json.loads` or after evaluating a literal:
 *   None → null, bool → boolean, str → string,
 *   int → number (always integral, within ±2^53) or bigint (beyond that),
 *   float → PyFloat (so 5.0 stays apart from 5),
 *   list → PyValue[], tuple → PyTuple, dict → PyDict (insertion-ordered, any hashable key).
 */

export class PyFloat {
  constructor(readonly value: number) {}
}

export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}

export type PyValue = null | boolean | string | number | bigint | PyFloat | PyValue[] | PyTuple | PyDict;

export type PyTypeName = 'NoneType' | 'bool' | 'int' | 'float' | 'str' | 'list' | 'tuple' | 'dict';

/** Thrown where Python would raise (unhashable key, bad operand, …). */
export class PyError extends Error {
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(`${pyType}: ${message}`);
    this.name = 'PyError';
  }
}

/** An insertion-ordered dict whose keys follow Python's hashing rules (1 == 1.0 == True). */
export class PyDict {
  private readonly m = new Map<string, [PyValue, PyValue]>();

  constructor(entries?: Iterable<readonly [PyValue, PyValue]>) {
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }

  static fromObject(obj: Record<string, PyValue>): PyDict {
    const d = new PyDict();
    for (const k of Object.keys(obj)) d.set(k, obj[k]!);
    return d;
  }

  get size(): number {
    return this.m.size;
  }

  set(key: PyValue, value: PyValue): this {
    const h = hashKey(key);
    const old = this.m.get(h);
    // Python keeps the first key object and replaces the value.
    this.m.set(h, [old ? old[0] : key, value]);
    return this;
  }

  get(key: PyValue): PyValue | undefined {
    return this.m.get(hashKey(key))?.[1];
  }

  has(key: PyValue): boolean {
    return this.m.has(hashKey(key));
  }

  delete(key: PyValue): boolean {
    return this.m.delete(hashKey(key));
  }

  keys(): PyValue[] {
    return [...this.m.values()].map((e) => e[0]);
  }

  values(): PyValue[] {
    return [...this.m.values()].map((e) => e[1]);
  }

  entries(): Array<[PyValue, PyValue]> {
    return [...this.m.values()].map((e) => [e[0], e[1]]);
  }

  [Symbol.iterator](): IterableIterator<[PyValue, PyValue]> {
    return this.entries()[Symbol.iterator]();
  }

  /** A shallow copy. */
  copy(): PyDict {
    return new PyDict(this.entries());
  }
}

/** The dict-key identity of a value, as Python's hash + == would decide it. */
function hashKey(k: PyValue): string {
  if (typeof k === 'string') return k;
  return '\u0000' + hashOther(k);
}

function hashOther(k: PyValue): string {
  if (k === null) return 'N';
  if (typeof k === 'boolean') return 'n' + (k ? '1' : '0');
  if (typeof k === 'number') return 'n' + String(k);
  if (typeof k === 'bigint') return 'n' + k.toString();
  if (k instanceof PyFloat) {
    const v = k.value;
    if (Number.isInteger(v) && Math.abs(v) > Number.MAX_SAFE_INTEGER) return 'n' + BigInt(v).toString();
    return 'n' + String(v);
  }
  if (typeof k === 'string') return 's' + k;
  if (k instanceof PyTuple) return 't(' + k.items.map((i) => (typeof i === 'string' ? 's' + i : hashOther(i))).join('\u0001') + ')';
  throw new PyError('TypeError', `unhashable type: '${pyTypeName(k)}'`);
}

export function pyTypeName(v: PyValue): PyTypeName {
  if (v === null) return 'NoneType';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'str';
    case 'number':
    case 'bigint':
      return 'int';
  }
  if (v instanceof PyFloat) return 'float';
  if (Array.isArray(v)) return 'list';
  if (v instanceof PyTuple) return 'tuple';
  return 'dict';
}

export function isInt(v: PyValue): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

/** An int in canonical form: a number when it fits exactly, else a bigint. */
export function pyInt(v: bigint | number): number | bigint {
  if (typeof v === 'number') return v;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** The numeric value of a bool / int / float, or undefined for anything else. */
function numericOf(v: PyValue): number | bigint | undefined {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.value;
  return undefined;
}

function numEquals(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  // Mixed bigint / number: exact comparison when the number is integral.
  const n = (typeof a === 'number' ? a : b) as number;
  const big = (typeof a === 'bigint' ? a : b) as bigint;
  if (!Number.isFinite(n) || !Number.isInteger(n)) return false;
  return BigInt(n) === big;
}

/** Python `==`. */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  if (a === b) return typeof a !== 'object' || a === null || !(a instanceof PyFloat) || !Number.isNaN(a.value);
  const na = numericOf(a);
  if (na !== undefined) {
    const nb = numericOf(b);
    return nb !== undefined && numEquals(na, nb);
  }
  if (typeof a === 'string' || a === null || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && seqEquals(a, b);
  if (a instanceof PyTuple) return b instanceof PyTuple && seqEquals(a.items, b.items);
  if (a instanceof PyDict) {
    if (!(b instanceof PyDict) || a.size !== b.size) return false;
    for (const [k, v] of a) {
      const w = b.get(k);
      if (w === undefined || !pyEquals(v, w)) return false;
    }
    return true;
  }
  return false;
}

function seqEquals(a: PyValue[], b: PyValue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!pyEquals(a[i]!, b[i]!)) return false;
  return true;
}

/** `value in options` with Python `==`. */
export function pyIn(value: PyValue, options: readonly PyValue[]): boolean {
  for (const o of options) if (pyEquals(value, o)) return true;
  return false;
}

/** Deep copy (Python `copy.deepcopy` for data values). */
export function pyDeepCopy(v: PyValue): PyValue {
  if (Array.isArray(v)) return v.map(pyDeepCopy);
  if (v instanceof PyTuple) return new PyTuple(v.items.map(pyDeepCopy));
  if (v instanceof PyDict) return new PyDict(v.entries().map(([k, x]) => [k, pyDeepCopy(x)] as [PyValue, PyValue]));
  return v;
}

/** Read a str-keyed field of a dict value, or undefined. */
export function field(v: PyValue | undefined, key: string): PyValue | undefined {
  return v instanceof PyDict ? v.get(key) : undefined;
}
