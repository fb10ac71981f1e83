import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/format.js';
import { pyRepr } from '../../src/core/pyrepr.js';
import { PyDict, PyFloat, PyTuple, type PyValue } from '../../src/core/pyvalue.js';
import { decodePythonCalls } from '../../src/decode/python-calls.js';
import { loadConformance } from '../fixtures/conformance.js';
import { strictDiff } from '../fixtures/strict-diff.js';

describe('strictDiff', () => {
  it('tells int from float, bool from int and tuple from list', () => {
    expect(strictDiff(1, new PyFloat(1))).not.toBeNull();
    expect(strictDiff(true, 1)).not.toBeNull();
    expect(strictDiff([1], new PyTuple([1]))).not.toBeNull();
    expect(strictDiff(PyDict.fromObject({ a: 1 }), PyDict.fromObject({ b: 1 }))).not.toBeNull();
    expect(strictDiff(PyDict.fromObject({ a: [1, 'x'] }), PyDict.fromObject({ a: [1, 'x'] }))).toBeNull();
  });
});

describe('decodePythonCalls on the conformance corpus (python records)', () => {
  const records = loadConformance().filter((r) => r.language === 'python');

  it('covers the python part of the dev corpus, relevance categories included', () => {
    expect(records.length).toBe(8738);
    expect(new Set(records.map((r) => r.category))).toContain('live_irrelevance');
  });

  it('agrees with the official decoder on every record (raises ⇔ decoded is null; else identical)', () => {
    const mismatches: string[] = [];
    for (const r of records) {
      let got: PyValue | undefined;
      let err: unknown;
      try {
        got = decodePythonCalls(r.rawOutput);
      } catch (e) {
        err = e;
      }
      if (err !== undefined && !(err instanceof DecodeError)) mismatches.push(`${r.caseId}: non-DecodeError ${String(err)}`);
      else if (r.decoded === null) {
        if (err === undefined) mismatches.push(`${r.caseId}: decoded ${pyRepr(got!)} but official raised ${r.decodeError}`);
      } else if (err !== undefined) mismatches.push(`${r.caseId}: raised ${(err as Error).message}, official decoded ${pyRepr(r.decoded)}`);
      else {
        const d = strictDiff(got!, r.decoded);
        if (d) mismatches.push(`${r.caseId}: ${d}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(mismatches.length).toBe(0);
  });
});
