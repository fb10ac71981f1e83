/**
 * `xlam`: the prompt format of the xLAM-7b-fc-r model card (../shared/xlam-format.md): task
 * instruction, tools, format instruction and query in one user message; the model answers
 * `{"tool_calls": [{"name": ..., "arguments": {...}}]}`.
 */
import { WrongOutputFormat, type BackendReply, type Format, type ModelRequest } from '../core/format.js';
import { dumpsPyJson } from '../core/pyjson.js';
import type { PyValue } from '../core/pyvalue.js';
import type { Case } from '../core/types.js';
import { decodeXlamAst, decodeXlamExecute } from '../decode/xlam-json.js';
import { firstTurn } from './first-turn.js';
import { languageOfCategory } from './language.js';
import { preprocessDocs } from './preprocess.js';
import { userQuery, xlamTool } from './xlam-tools.js';

export const XLAM_TASK_INSTRUCTION = [
  'You are an expert in composing functions. You are given a question and a set of possible functions. ',
  'Based on the question, you will need to make one or more function/tool calls to achieve the purpose. ',
  'If none of the functions can be used, point it out and refuse to answer. ',
  'If the given question lacks the parameters required by the function, also point it out.',
].join('\n');

export const XLAM_FORMAT_INSTRUCTION = [
  'The output MUST strictly adhere to the following JSON format, and NO other text MUST be included.',
  "The example format is as follows. Please make sure the parameter type is correct. If no function call is needed, please make tool_calls an empty list '[]'.",
  '```',
  '{',
  '    "tool_calls": [',
  '    {"name": "func_name1", "arguments": {"argument1": "value1", "argument2": "value2"}},',
  '    ... (more tool calls as required)',
  '    ]',
  '}',
  '```',
].join('\n');

/** The model card's `build_prompt`: four sections, each followed by a blank line. */
export function xlamPrompt(task: string, toolsJson: string, format: string, query: string): string {
  return (
    `[BEGIN OF TASK INSTRUCTION]\n${task}\n[END OF TASK INSTRUCTION]\n\n` +
    `[BEGIN OF AVAILABLE TOOLS]\n${toolsJson}\n[END OF AVAILABLE TOOLS]\n\n` +
    `[BEGIN OF FORMAT INSTRUCTION]\n${format}\n[END OF FORMAT INSTRUCTION]\n\n` +
    `[BEGIN OF QUERY]\n${query}\n[END OF QUERY]\n\n`
  );
}

/** How both xLAM formats store and decode a reply: the answer text as it is, decoded as xLAM JSON. */
export const xlamDecoding: Pick<Format, 'underscoreToDot' | 'resultOf' | 'decodeAst' | 'decodeExecute'> = {
  underscoreToDot: false,

  resultOf(reply: BackendReply): PyValue {
    // BFCL stores message.content as it is, None included (which then fails to decode).
    return reply.text;
  },

  decodeAst(result: PyValue): PyValue {
    return decodeXlamAst(result);
  },

  /** BFCL's raw-text answer (not JSON) becomes a WrongOutputFormat error carrying that text. */
  decodeExecute(result: PyValue): string[] {
    const out = decodeXlamExecute(result);
    if (typeof out === 'string') throw new WrongOutputFormat('xLAM output is not JSON (BFCL returned the raw text)', out);
    return out;
  },
};

export const xlam: Format = {
  name: 'xlam',
  ...xlamDecoding,

  request(c: Case): ModelRequest {
    const docs = preprocessDocs(c.functions, languageOfCategory(c.category));
    const tools = dumpsPyJson(docs.map((d) => xlamTool(d)));
    const content = xlamPrompt(XLAM_TASK_INSTRUCTION, tools, XLAM_FORMAT_INSTRUCTION, userQuery(firstTurn(c)));
    return { kind: 'chat', messages: [{ role: 'user', content }] };
  },
};
