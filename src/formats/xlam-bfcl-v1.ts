/**
 * `xlam-bfcl-v1`: the raw completion prompt of BFCL's July-2024 xLAM handler
 * (`model_handler/xlam_handler.py`, gorilla 189f317f; bfcl-spec.md §11.1, bfcl-spec-v1.md §6.4),
 * for a completions endpoint. Decoding as for `xlam`.
 *
 * Sampling at the time: temperature 0.001, top_p 1, max_tokens 1200 (XLAM_BFCL_V1_SAMPLING).
 */
import type { Format, ModelRequest, Sampling } from '../core/format.js';
import { dumpsPyJson } from '../core/pyjson.js';
import type { Case } from '../core/types.js';
import { firstTurn } from './first-turn.js';
import { languageOfCategory } from './language.js';
import { languageHint, preprocessDocs } from './preprocess.js';
import { xlamDecoding, xlamPrompt } from './xlam.js';
import { userQuery, xlamTool } from './xlam-tools.js';

export const XLAM_BFCL_V1_SAMPLING: Sampling = { temperature: 0.001, topP: 1, maxTokens: 1200 };

// BFCL quirk: the system preamble is glued to "### Instruction:" with no newline (its "\n" was
// inside a raw-looking string and stripped away).
const SYSTEM_PROMPT =
  'You are an AI assistant for function calling. \n' +
  'For politically sensitive questions, security and privacy issues, \n' +
  'and other non-computer science questions, you will refuse to answer';

// BFCL quirk: "none of the function" (singular), unlike the model card.
const TASK_INSTRUCTION = [
  'You are an expert in composing functions. You are given a question and a set of possible functions. ',
  'Based on the question, you will need to make one or more function/tool calls to achieve the purpose. ',
  'If none of the function can be used, point it out and refuse to answer. ',
  'If the given question lacks the parameters required by the function, also point it out.',
].join('\n');

// BFCL quirk: not stripped (a newline before and after), no period after '[]', example indented by 2.
const FORMAT_INSTRUCTION =
  '\n' +
  [
    'The output MUST strictly adhere to the following JSON format, and NO other text MUST be included.',
    "The example format is as follows. Please make sure the parameter type is correct. If no function call is needed, please make tool_calls an empty list '[]'",
    '```',
    '{',
    '  "tool_calls": [',
    '    {"name": "func_name1", "arguments": {"argument1": "value1", "argument2": "value2"}},',
    '    ... (more tool calls as required)',
    '  ]',
    '}',
    '```',
  ].join('\n') +
  '\n';

export const xlamBfclV1: Format = {
  name: 'xlam-bfcl-v1',
  ...xlamDecoding,
  endpoint: 'completions',
  defaultSampling: XLAM_BFCL_V1_SAMPLING,

  request(c: Case): ModelRequest {
    const language = languageOfCategory(c.category);
    // v1 pre-processing: Java/JS parameters flattened, but the hint goes to the question, not the docs.
    const docs = preprocessDocs(c.functions, language, { hint: false });
    const tools = dumpsPyJson(docs.map((d) => xlamTool(d, { markRequired: true })));
    // The v1 question: the first turn's user messages joined with "\n", then "\n" + the language hint.
    const query = userQuery(firstTurn(c)) + '\n' + languageHint(language);
    const content = xlamPrompt(TASK_INSTRUCTION, tools, FORMAT_INSTRUCTION, query);
    return { kind: 'completion', prompt: `${SYSTEM_PROMPT}### Instruction:\n${content}\n### Response:` };
  },
};
