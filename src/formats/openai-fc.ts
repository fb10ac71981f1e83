/**
 * `openai-fc`: native function calling over an OpenAI-compatible chat endpoint. The first turn's
 * messages are sent as they are, the pre-processed docs as `tools` (bfcl-spec.md §10.3); tool calls
 * are stored as `[{name: argumentsJson}]` and decoded as in §4.2.
 */
import type { BackendReply, Format, ModelRequest, RequestOptions } from '../core/format.js';
import { PyDict, type PyValue } from '../core/pyvalue.js';
import type { Case } from '../core/types.js';
import { decodeToolCalls, toolCallsToExecute } from '../decode/tool-calls.js';
import { firstTurn } from './first-turn.js';
import { languageOfCategory } from './language.js';
import { openAiTool } from './openai-tools.js';
import { preprocessDocs } from './preprocess.js';

export const openaiFc: Format = {
  name: 'openai-fc',
  underscoreToDot: true,

  request(c: Case, opts: RequestOptions = {}): ModelRequest {
    const docs = preprocessDocs(c.functions, languageOfCategory(c.category));
    const req: ModelRequest = { kind: 'chat', messages: firstTurn(c) };
    // BFCL sends no `tools` key at all when the entry has no functions.
    if (docs.length > 0) req.tools = docs.map((d) => openAiTool(d, { underscoreNames: opts.underscoreNames ?? true }));
    return req;
  },

  resultOf(reply: BackendReply): PyValue {
    if (reply.toolCalls && reply.toolCalls.length > 0) return reply.toolCalls.map((t) => new PyDict([[t.name, t.arguments]]));
    // BFCL stores `message.content` as it is: text, or None when there was neither text nor a call.
    return reply.text;
  },

  decodeAst(result: PyValue): PyValue {
    return decodeToolCalls(result);
  },

  decodeExecute(result: PyValue): string[] {
    return toolCallsToExecute(result);
  },
};
