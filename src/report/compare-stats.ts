/** Paired statistics for run comparison: exact McNemar test and a seeded bootstrap CI. Pure. */

/** log C(n, k) via log-gamma-free summation (exact enough for n up to millions). */
function logChoose(n: number, k: number): number {
  k = Math.min(k, n - k);
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/**
 * Exact McNemar test: two-sided binomial test of the discordant pairs
 * (b = passed in base and failed in candidate, c = the reverse) against p = 1/2.
 * p = min(1, 2·P(X ≤ min(b, c))), X ~ Bin(b + c, 1/2); 1 when there are no discordant pairs.
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += Math.exp(logChoose(n, i) - n * Math.LN2);
  return Math.min(1, 2 * tail);
}

/** mulberry32: small, fast, seedable PRNG (deterministic across platforms). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, to give each category its own seed stream independent of order. */
export function hashSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface BootstrapCi {
  low: number;
  high: number;
  level: number;
  resamples: number;
}

/**
 * Percentile bootstrap CI for the paired accuracy difference (candidate − base, in points) over n
 * entries of which `lost` went pass→fail and `gained` fail→pass (the rest unchanged). Entries are
 * resampled with replacement; deterministic for a given seed and label.
 */
export function bootstrapDiffCi(n: number, lost: number, gained: number, opts: { seed: number; label: string; resamples?: number; level?: number }): BootstrapCi {
  const B = opts.resamples ?? 2000;
  const level = opts.level ?? 0.95;
  if (n === 0) return { low: 0, high: 0, level, resamples: B };
  const rnd = mulberry32(hashSeed(opts.seed, opts.label));
  const diffs = new Float64Array(B);
  const disc = lost + gained;
  const q = disc / n;
  const logMiss = Math.log1p(-q);
  for (let b = 0; b < B; b++) {
    let d = 0;
    if (disc > 0) {
      // n draws with replacement; only draws landing on a discordant entry move the difference.
      // Skip the others with geometric gaps (exact, O(n·q) per resample).
      let i = q >= 1 ? 0 : Math.floor(Math.log(1 - rnd()) / logMiss);
      while (i < n) {
        if (rnd() * disc < lost) d--;
        else d++;
        i += 1 + (q >= 1 ? 0 : Math.floor(Math.log(1 - rnd()) / logMiss));
      }
    }
    diffs[b] = (d / n) * 100;
  }
  diffs.sort();
  const quantile = (p: number): number => {
    const pos = (B - 1) * p;
    const lo = Math.floor(pos);
    return diffs[lo]! + (diffs[Math.ceil(pos)]! - diffs[lo]!) * (pos - lo);
  };
  return { low: quantile((1 - level) / 2), high: quantile(1 - (1 - level) / 2), level, resamples: B };
}
