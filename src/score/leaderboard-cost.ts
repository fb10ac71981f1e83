/** Cost and latency columns (bfcl-spec.md §12.5), from numbers collected out of result files. */
import { pyRound } from './leaderboard-format.js';

/** Every non-zero latency and token count of the evaluated result entries (multi-turn lists flattened). */
export interface Usage {
  latencies: readonly number[];
  inputTokens: readonly number[];
  outputTokens: readonly number[];
}

/** Prices in USD per million tokens (model config). Absent for locally served models. */
export interface Pricing {
  inputPerMillion: number;
  outputPerMillion: number;
}

export interface CostLatency {
  cost: number | 'N/A';
  latencyMean: number | 'N/A';
  latencyStd: number | 'N/A';
  latencyP95: number | 'N/A';
}

/** BFCL's 8×H100 hourly price and the concurrency it divides by (v4 local-model cost). */
export const H100_X8_PRICE_PER_HOUR = 23.92;
export const LOCAL_SERVER_MAX_CONCURRENT_REQUEST = 100;

const NA: CostLatency = { cost: 'N/A', latencyMean: 'N/A', latencyStd: 'N/A', latencyP95: 'N/A' };

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const mean = (xs: readonly number[]): number => sum(xs) / xs.length;

/** Sample standard deviation (Python `statistics.stdev`). */
export function sampleStd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) * (x - m), 0) / (xs.length - 1));
}

/** numpy `percentile(xs, p)` with the default linear interpolation. */
export function percentileLinear(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = ((s.length - 1) * p) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

function latencyStats(lat: readonly number[]): Omit<CostLatency, 'cost'> {
  if (lat.length === 0) return { latencyMean: 'N/A', latencyStd: 'N/A', latencyP95: 'N/A' };
  return {
    latencyMean: pyRound(mean(lat), 2),
    // BFCL quirk: Python's statistics.stdev raises on a single data point; we print N/A instead of crashing.
    latencyStd: lat.length < 2 ? 'N/A' : pyRound(sampleStd(lat), 2),
    latencyP95: pyRound(percentileLinear(lat, 95), 2),
  };
}

/** v4 "Total Cost ($)" and latency statistics. */
export function costLatencyV4(usage: Usage | undefined, pricing: Pricing | undefined): CostLatency {
  if (!usage) return NA;
  let cost: number | 'N/A' = 'N/A';
  if (pricing) {
    if (usage.inputTokens.length > 0 && usage.outputTokens.length > 0)
      cost = pyRound((sum(usage.inputTokens) * pricing.inputPerMillion) / 1e6 + (sum(usage.outputTokens) * pricing.outputPerMillion) / 1e6, 2);
  } else if (usage.latencies.length > 0) {
    cost = pyRound(((sum(usage.latencies) / 3600) * H100_X8_PRICE_PER_HOUR) / LOCAL_SERVER_MAX_CONCURRENT_REQUEST, 2);
  }
  return { cost, ...latencyStats(usage.latencies) };
}

/**
 * v1 "Cost ($ Per 1k Function Calls)" = (mean input tokens × price + mean output tokens × price) / 1000.
 * v1 priced local models from latency on 8×V100; we print N/A for models without prices instead.
 */
export function costLatencyV1(usage: Usage | undefined, pricing: Pricing | undefined): CostLatency {
  if (!usage) return NA;
  let cost: number | 'N/A' = 'N/A';
  if (pricing && usage.inputTokens.length > 0 && usage.outputTokens.length > 0)
    cost = pyRound((mean(usage.inputTokens) * pricing.inputPerMillion + mean(usage.outputTokens) * pricing.outputPerMillion) / 1000, 2);
  return { cost, ...latencyStats(usage.latencies) };
}
