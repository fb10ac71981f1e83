import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/format.js';
import { pyRepr } from '../../src/core/pyrepr.js';
import { decodePythonCalls } from '../../src/decode/python-calls.js';
import { loadConformance } from '../fixtures/conformance.js';

// A real output shape from the corpus, to build hostile inputs around.
const sample = loadConformance().find((r) => r.caseId === 'simple_python_2#00')!.rawOutput;

describe('hostile model output', () => {
  it('deep nesting fails with DecodeError, not a stack overflow', () => {
    expect(() => decodePythonCalls('[f(x=' + '['.repeat(100_000) + ']'.repeat(100_000) + ')]')).toThrow(DecodeError);
    expect(() => decodePythonCalls('[f(x=' + '-'.repeat(100_000) + '1)]')).toThrow(DecodeError);
    expect(() => decodePythonCalls('[f(x=' + '1+'.repeat(100_000) + '1)]')).toThrow(DecodeError);
    expect(() => decodePythonCalls('[f(x=a' + '.b'.repeat(100_000) + ')]')).toThrow(DecodeError);
    // Moderate nesting still decodes.
    expect(pyRepr(decodePythonCalls('[f(x=' + '['.repeat(50) + ']'.repeat(50) + ')]'))).toBe(`[{'f': {'x': ${'['.repeat(50)}${']'.repeat(50)}}}]`);
  });

  it('decodes a 1 MB output', () => {
    const big = '[' + Array.from({ length: 40_000 }, () => sample.slice(1, -1)).join(', ') + ']';
    expect(big.length).toBeGreaterThan(1_000_000);
    const out = decodePythonCalls(big) as unknown[];
    expect(out.length).toBe(40_000);
    const longString = `[f(x='${'a'.repeat(1_000_000)}')]`;
    expect(((decodePythonCalls(longString) as unknown[]).length)).toBe(1);
  });

  it('keeps code as data: __import__(...) is a call without keywords, kept as text, never run', () => {
    expect(pyRepr(decodePythonCalls("[__import__('os').system('x')]"))).toBe("[{'system': {}}]");
    expect(pyRepr(decodePythonCalls("[f(x=__import__('os').system('x'))]"))).toBe(`[{'f': {'x': "__import__('os').system('x')"}}]`);
    expect(() => decodePythonCalls("[f(x=__import__('os').system('x') + 1)]")).toThrow(DecodeError);
  });

  it('huge results are capped instead of computed', () => {
    expect(() => decodePythonCalls('[f(x=2**99999999)]')).toThrow(DecodeError);
    expect(() => decodePythonCalls('[f(x=1<<99999999)]')).toThrow(DecodeError);
    expect(() => decodePythonCalls("[f(x='a'*99999999999)]")).toThrow(DecodeError);
    expect(() => decodePythonCalls('[f(x=[0]*10**12)]')).toThrow(DecodeError);
    expect(() => decodePythonCalls('[f(x=' + '9'.repeat(5000) + ')]')).toThrow(DecodeError);
  });
});
