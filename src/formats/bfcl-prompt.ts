/**
 * `bfcl-prompt`: BFCL v4's default prompting format. The pre-processed docs go into BFCL's default
 * system prompt (bfcl-spec.md §10.1); the model answers with Python-style calls `[f(a=1), g(b=2)]`
 * (Java / JavaScript call syntax in those categories), decoded as in §4.1.
 */
import { DecodeError, type BackendReply, type Format, type Language, type ModelRequest } from '../core/format.js';
import type { PyValue } from '../core/pyvalue.js';
import type { Case } from '../core/types.js';
import { decodeJavaCalls } from '../decode/java.js';
import { decodeJavaScriptCalls } from '../decode/javascript.js';
import { decodePythonCalls } from '../decode/python-calls.js';
import { decodePythonExecute } from '../decode/python-execute.js';
import { bfclSystemPrompt, withSystemPrompt } from './bfcl-system-prompt.js';
import { firstTurn } from './first-turn.js';
import { languageOfCategory } from './language.js';
import { preprocessDocs } from './preprocess.js';

function textOf(result: PyValue, what: string): string {
  if (typeof result !== 'string') throw new DecodeError(`bfcl-prompt ${what}: expected the model's text, got a ${Array.isArray(result) ? 'list' : typeof result}`);
  return result;
}

export const bfclPrompt: Format = {
  name: 'bfcl-prompt',
  underscoreToDot: false,

  request(c: Case): ModelRequest {
    const docs = preprocessDocs(c.functions, languageOfCategory(c.category));
    return { kind: 'chat', messages: withSystemPrompt(firstTurn(c), bfclSystemPrompt(docs)) };
  },

  resultOf(reply: BackendReply): PyValue {
    // BFCL stores message.content as it is, None included (which then fails to decode).
    return reply.text;
  },

  decodeAst(result: PyValue, language: Language): PyValue {
    // The decoders take the raw text and do §4.1 steps 1-2 (strip, brackets) themselves.
    const text = textOf(result, 'decodeAst');
    switch (language) {
      case 'java':
        return decodeJavaCalls(text);
      case 'javascript':
        return decodeJavaScriptCalls(text);
      default:
        return decodePythonCalls(text);
    }
  },

  decodeExecute(result: PyValue): string[] {
    return decodePythonExecute(textOf(result, 'decodeExecute'));
  },
};
