import { describe, expect, it } from 'vitest';
import { parsePyJson } from '../../src/core/pyjson.js';
import { pyEquals } from '../../src/core/pyvalue.js';
import { getFormat } from '../../src/formats/index.js';
import { XLAM_BFCL_V1_SAMPLING } from '../../src/formats/xlam-bfcl-v1.js';
import { casesOf } from '../fixtures/conformance.js';

describe('xlam formats', () => {
  it('xlam: one user message, query from the user messages only', () => {
    const c = casesOf('live_simple').get('live_simple_66-30-0')!;
    const req = getFormat('xlam').request!(c);
    if (req.kind !== 'chat') throw new Error('chat expected');
    expect(req.messages).toHaveLength(1);
    expect(req.messages[0]!.role).toBe('user');
    const content = req.messages[0]!.content;
    expect(content.endsWith(`[BEGIN OF QUERY]\n${c.question[0]![1]!.content}\n[END OF QUERY]\n\n`)).toBe(true);
    expect(content).not.toContain('Requirement Extractor'); // the system message is not sent
    expect(content).toContain('"name": "inventory.restock_check"');
  });

  it('xlam-bfcl-v1: a completion prompt with required flags and the hint on the query', () => {
    const req = getFormat('xlam-bfcl-v1').request!(casesOf('simple_java').get('simple_java_22')!);
    if (req.kind !== 'completion') throw new Error('completion expected');
    expect(req.prompt.startsWith('You are an AI assistant for function calling. \n')).toBe(true);
    expect(req.prompt).toContain('refuse to answer### Instruction:\n[BEGIN OF TASK INSTRUCTION]\n');
    expect(req.prompt).toContain('they are not in string representation.", "required": true}');
    expect(req.prompt.endsWith('\n Note that the provided function is in Java 8 SDK syntax.\n[END OF QUERY]\n\n\n### Response:')).toBe(true);
    expect(XLAM_BFCL_V1_SAMPLING).toEqual({ temperature: 0.001, topP: 1, maxTokens: 1200 });
  });

  it('both store the text and decode the JSON answer', () => {
    for (const name of ['xlam', 'xlam-bfcl-v1']) {
      const f = getFormat(name);
      const stored = f.resultOf!({ text: '\n{"tool_calls": [{"name": "a.b", "arguments": {"x": 1}}]}' });
      expect(pyEquals(f.decodeAst(stored, 'python'), parsePyJson('[{"a.b": {"x": 1}}]'))).toBe(true);
      expect(f.decodeExecute!(stored)).toEqual(['a.b(x=1)']);
      expect(f.decodeAst('I refuse.', 'python')).toBe('I refuse.');
    }
  });
});
