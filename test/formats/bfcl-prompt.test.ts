import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/format.js';
import { pyEquals } from '../../src/core/pyvalue.js';
import { getFormat } from '../../src/formats/index.js';
import { casesOf, loadConformance } from '../fixtures/conformance.js';

const f = getFormat('bfcl-prompt');

describe('bfcl-prompt', () => {
  it('decodes like the official prompting decoder in every language (conformance corpus)', () => {
    const records = loadConformance();
    const languages = new Set<string>();
    const mismatches: string[] = [];
    for (const r of records) {
      languages.add(r.language);
      let got;
      try {
        got = f.decodeAst(r.rawOutput, r.language);
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
        if (r.decodeError === null) mismatches.push(`${r.id}: raised ${e.message}`);
        continue;
      }
      if (r.decodeError !== null) mismatches.push(`${r.id}: decoded, official raised ${r.decodeError}`);
      else if (!pyEquals(got, r.decoded!)) mismatches.push(`${r.id}: decoded value differs`);
    }
    expect([...languages].sort()).toEqual(['java', 'javascript', 'python']);
    expect(mismatches).toEqual([]);
  });

  it('stores the text and refuses a non-text result', () => {
    expect(f.resultOf!({ text: '[f(a=1)]' })).toBe('[f(a=1)]');
    expect(f.resultOf!({ text: null })).toBeNull();
    expect(() => f.decodeAst(null, 'python')).toThrow(DecodeError);
    expect(() => f.decodeAst([], 'python')).toThrow(DecodeError);
    expect(() => f.decodeExecute!(null)).toThrow(DecodeError);
  });

  it('renders executable calls from the text', () => {
    expect(f.decodeExecute!("```\n[calc(a=1, b='x'), g(c=[1.0])]\n```")).toEqual(["calc(a=1, b='x')", 'g(c=[1.0])']);
  });

  it('puts the prompt in front of an existing system message and keeps the turn otherwise', () => {
    const c = casesOf('live_simple').get('live_simple_66-30-0')!;
    const req = f.request!(c);
    if (req.kind !== 'chat') throw new Error('chat expected');
    expect(req.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(req.messages[0]!.content.startsWith('You are an expert in composing functions.You are given')).toBe(true);
    expect(req.messages[0]!.content.endsWith(']\n\n\n' + c.question[0]![0]!.content)).toBe(true);
    expect(req.messages[1]!.content).toBe(c.question[0]![1]!.content);
    expect(req.tools).toBeUndefined();
  });
});
