import { describe, expect, it } from 'vitest';
import { costLatencyV4, percentileLinear } from '../../src/score/leaderboard-cost.js';
import { percentCell, pyFixed } from '../../src/score/leaderboard-format.js';
import { tableToCsv } from '../../src/report/csv.js';

describe('Python number formatting', () => {
  it('rounds exact ties half-to-even like "{:.2f}".format', () => {
    expect(pyFixed(0.125, 2)).toBe('0.12'); // JS toFixed gives 0.13
    expect(pyFixed(0.375, 2)).toBe('0.38');
    expect(pyFixed(2.5, 0)).toBe('2');
    expect(pyFixed(1.005, 2)).toBe('1.00'); // 1.005 is below the tie in binary
    expect(percentCell(0.3306)).toBe('33.06%');
  });
});

describe('cost and latency (§12.5)', () => {
  it('prices local models by latency on 8×H100 / 100 and rounds like Python', () => {
    const cl = costLatencyV4({ latencies: [3600, 3600], inputTokens: [], outputTokens: [] }, undefined);
    expect(cl.cost).toBe(0.48);
    expect(cl.latencyMean).toBe(3600);
    expect(cl.latencyStd).toBe(0);
    expect(percentileLinear([1, 2, 3, 4], 95)).toBeCloseTo(3.85, 12);
  });

  it('prices API models per million tokens', () => {
    const cl = costLatencyV4({ latencies: [1, 2], inputTokens: [1_000_000], outputTokens: [500_000] }, { inputPerMillion: 2.5, outputPerMillion: 10 });
    expect(cl.cost).toBe(7.5);
  });
});

describe('CSV writing', () => {
  it('is unquoted like BFCL unless a value needs quoting, with no final newline', () => {
    expect(tableToCsv({ header: ['Rank', 'Model'], rows: [['1', 'a (FC)'], ['2', 'b, c']] })).toBe('Rank,Model\n1,a (FC)\n2,"b, c"');
  });
});
