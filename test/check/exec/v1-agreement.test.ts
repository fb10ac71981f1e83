/**
 * The real 2024-08-11 outputs, re-checked with fcbench's executable checker: every entry whose
 * ground truth uses only local functions must get the official verdict (valid, and the error_type).
 * Network entries without a recording are "needs network" and never counted.
 */
import { describe, expect, it } from 'vitest';
import { checkExecEntry, computeExpected, type ExpectedResults } from '../../../src/check/exec/checker.js';
import { bfclRegistry, NETWORK_FUNCTION_NAMES } from '../../../src/check/exec/library.js';
import { loadOfficialScore, loadResults, loadV1ExecEntries, V1_EXEC_CATEGORIES, V1_MODELS } from './v1-fixture.js';

const registry = bfclRegistry();
const isPure = (gt: string[]): boolean => gt.every((c) => !NETWORK_FUNCTION_NAMES.has(c.slice(0, c.indexOf('('))));

describe('v1 exec agreement (2024-08-11)', () => {
  it('pure / network entry counts match bfcl-spec-v1 §4.3', () => {
    const counts = V1_EXEC_CATEGORIES.map((c) => loadV1ExecEntries(c).filter((e) => isPure(e.groundTruth)).length);
    expect(counts).toEqual([62, 31, 31, 10]);
  });

  it('agrees with the official score files on every pure entry', async () => {
    const rows: string[] = [];
    let pureDiffers = 0;
    let pureChecked = 0;
    const differences: string[] = [];
    for (const category of V1_EXEC_CATEGORIES) {
      const entries = loadV1ExecEntries(category);
      const expected: ExpectedResults[] = [];
      for (const e of entries) expected.push(await computeExpected(e.groundTruth, { registry }));
      // Every pure ground truth executes; every network one needs network offline.
      entries.forEach((e, i) => expect(expected[i]!.ok, `${e.id}`).toBe(isPure(e.groundTruth)));
      for (const { model, decoder } of V1_MODELS) {
        const results = loadResults(model, category);
        const official = loadOfficialScore(model, category);
        expect(results.length).toBe(entries.length);
        let agree = 0;
        let differ = 0;
        let needsNetwork = 0;
        for (let i = 0; i < entries.length; i++) {
          const e = entries[i]!;
          const v = await checkExecEntry({ category, output: decoder(results[i]!), resultTypes: e.resultTypes, expected: expected[i]!, registry });
          const off = official.failures.get(i);
          if (v.skipped) {
            needsNetwork++;
            continue;
          }
          const same = off ? !v.valid && v.errorType === off.errorType : v.valid;
          if (isPure(e.groundTruth)) pureChecked++;
          if (same) agree++;
          else {
            differ++;
            differences.push(`${model} ${e.id}: ours ${v.valid ? 'valid' : v.errorType} official ${off ? off.errorType : 'valid'} ${v.errors[0] ?? ''}`);
            if (isPure(e.groundTruth)) pureDiffers++;
          }
        }
        rows.push(`| ${model} | ${category} | ${agree} | ${differ} | ${needsNetwork} |`);
      }
    }
    console.log(['| model | category | agree | differ | needs network |', '|---|---|---:|---:|---:|', ...rows].join('\n'));
    if (differences.length) console.log(differences.join('\n'));
    expect(pureChecked).toBeGreaterThan(0);
    expect(pureDiffers).toBe(0);
  }, 120_000);
});
