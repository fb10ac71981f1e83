/**
 * Correctly rounded float arithmetic that JavaScript does not give for free:
 * Python's int/int true division (exact big integers, one rounding) and `pow` with an
 * integral exponent (C `pow` in glibc is correctly rounded in practice; V8's Math.pow is not).
 */

const TWO53 = 2n ** 53n;

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** 2^e as a double, exact for -1074 <= e <= 1023 (Infinity / 0 outside). */
function pow2(e: number): number {
  if (e > 1023) return Infinity;
  if (e >= -1022) return 2 ** e;
  if (e < -1074) return 0;
  return 2 ** (e + 60) * 2 ** -60;
}

/** num/den · 2^exp2, correctly rounded (round half to even), num and den positive. */
function ratioToDouble(num: bigint, den: bigint, exp2: number): number {
  if (num === 0n) return 0;
  // Scale so that the quotient has 55..56 significant bits, keep a sticky bit for the rest.
  const shift = 55 - (bitLength(num) - bitLength(den));
  const n = shift >= 0 ? num << BigInt(shift) : num;
  const d = shift >= 0 ? den : den << BigInt(-shift);
  let q = n / d;
  if (n % d !== 0n) q |= 1n;
  const e = exp2 - shift;
  // Subnormal results: round at the right bit position directly.
  const qbits = bitLength(q);
  const topExp = e + qbits - 1;
  if (topExp < -1022) {
    const drop = -1074 - e; // bits below 2^-1074
    if (drop >= qbits + 1) return 0;
    const keep = q >> BigInt(drop);
    const rest = q & ((1n << BigInt(drop)) - 1n);
    const half = 1n << BigInt(drop - 1);
    let r = keep;
    if (rest > half || (rest === half && (keep & 1n) === 1n)) r += 1n;
    return Number(r) * pow2(-1074);
  }
  // Number(q) rounds to 53 bits correctly (q has >53 bits and a sticky bit); then scale exactly.
  const m = Number(q);
  if (e > 0) return e > 1023 ? (m * pow2(1023)) * pow2(e - 1023) : m * pow2(e);
  return e < -1022 ? m * pow2(-1022) * pow2(e + 1022) : m * pow2(e);
}

/** Python `a / b` for ints (b ≠ 0): the correctly rounded quotient. */
export function intTrueDiv(a: bigint, b: bigint): number {
  const neg = a < 0n !== b < 0n;
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  let r: number;
  if (x <= TWO53 && y <= TWO53) r = Number(x) / Number(y);
  else r = ratioToDouble(x, y, 0);
  return neg ? -r : r;
}

/** Decompose a finite non-zero double into odd-or-any integer mantissa and exponent: x = m·2^e. */
function decompose(x: number): [bigint, number] {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  while (mant !== 0n && (mant & 1n) === 0n) {
    mant >>= 1n;
    e++;
  }
  return [mant, e];
}

/**
 * x ** y for doubles with y an integer of modest size, correctly rounded (as glibc `pow`).
 * Returns undefined when the fast exact path does not apply.
 */
export function exactIntPow(x: number, y: number): number | undefined {
  if (!Number.isFinite(x) || !Number.isInteger(y) || Math.abs(y) > 4096 || x === 0) return undefined;
  const [m, e] = decompose(x);
  const n = Math.abs(y);
  const neg = x < 0 && n % 2 === 1;
  const mp = m ** BigInt(n);
  // Quick overflow / underflow guard on the exponent.
  const approxExp = (bitLength(mp) + e * n) * (y < 0 ? -1 : 1);
  if (approxExp > 1100) return neg ? -Infinity : Infinity;
  if (approxExp < -1200) return neg ? -0 : 0;
  const r = y >= 0 ? ratioToDouble(mp, 1n, e * n) : ratioToDouble(1n, mp, -e * n);
  return neg ? -r : r;
}
