/** Number formatting exactly as BFCL's CSV writer prints it (Python `"{:.2f}%"`, `round`, `str`). */
import { pyFloatRepr } from '../core/pyrepr.js';

/**
 * Python `format(x, f".{digits}f")`: the exact binary value rounded half-to-even.
 * JS `toFixed` rounds exact ties up (0.125 → "0.13", Python "0.12"); everything else agrees.
 */
export function pyFixed(x: number, digits: number): string {
  const fixed = x.toFixed(digits);
  if (!Number.isFinite(x)) return fixed;
  // The exact decimal expansion (toFixed(100) is exact for any double ≥ ~1e-30 we print).
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 1 + digits);
  if (!/^50*$/.test(tail)) return fixed;
  // Exact tie: keep the even neighbour.
  const kept = exact.slice(0, dot + 1 + digits);
  const lastDigit = Number(digits === 0 ? exact[dot - 1] : kept[kept.length - 1]);
  if (lastDigit % 2 === 1) return fixed; // toFixed rounded away from zero, which is the even one
  const truncated = digits === 0 ? exact.slice(0, dot) : kept;
  return (x < 0 ? '-' : '') + truncated;
}

/** Python `round(x, digits)` for floats (correctly rounded, ties to even). */
export function pyRound(x: number, digits: number): number {
  return Number(pyFixed(x, digits));
}

/** A leaderboard accuracy cell: `"{:.2f}%".format(acc * 100)`. */
export function percentCell(accuracy: number): string {
  return `${pyFixed(accuracy * 100, 2)}%`;
}

/** Python `str()` of a float result such as `round(x, 2)` (`6.0`, `17.66`). */
export function pyFloatStr(x: number): string {
  return pyFloatRepr(x);
}
