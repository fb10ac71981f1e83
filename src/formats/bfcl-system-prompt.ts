/**
 * BFCL v4's default system prompt for prompting models (bfcl-spec.md §10.1), as composed by
 * `formulate_system_prompt` with the default format-sensitivity configuration
 * (python return format, no tool-call tag, JSON docs, plain layout, classic style).
 */
import { dumpsPyJson } from '../core/pyjson.js';
import type { PyDict } from '../core/pyvalue.js';
import type { Message } from '../core/types.js';

// BFCL quirk: no space in "functions.You", and a double space before "You SHOULD NOT" (the python
// return format has an empty parameter-type sentence). Lower-case "json" is BFCL's wording too.
const PERSONA_AND_TASK =
  'You are an expert in composing functions.' +
  'You are given a question and a set of possible functions. Based on the question, you will need to make one or more function/tool calls to achieve the purpose. ' +
  'If none of the functions can be used, point it out. If the given question lacks the parameters required by the function, also point it out.';

const TOOL_CALL_FORMAT =
  'You should only return the function calls in your response.\n\n' +
  'If you decide to invoke any of the function(s), you MUST put it in the format of [func_name1(params_name1=params_value1, params_name2=params_value2...), func_name2(params)].  ' +
  'You SHOULD NOT include any other text in the response.';

const MULTI_TURN_BEHAVIOR =
  "At each turn, you should try your best to complete the tasks requested by the user within the current turn. Continue to output functions to call until you have fulfilled the user's request to the best of your ability. Once you have no more functions to call, the system will consider the current turn complete and proceed to the next turn or task.";

const AVAILABLE_TOOLS = 'Here is a list of functions in json format that you can invoke.\n';

/** The system prompt for already pre-processed docs: docs as Python `json.dumps(docs, indent=4)`. */
export function bfclSystemPrompt(docs: readonly PyDict[]): string {
  const functions = dumpsPyJson([...docs], { indent: 4 });
  return `${PERSONA_AND_TASK}\n\n${TOOL_CALL_FORMAT}\n\n${MULTI_TURN_BEHAVIOR}\n\n${AVAILABLE_TOOLS}${functions}\n`;
}

/**
 * Place the system prompt as BFCL does (`system_prompt_pre_processing_chat_model`): in front of an
 * existing leading system message, separated by a blank line, else as a new first system message.
 * Returns new message objects; the input is not modified.
 */
export function withSystemPrompt(messages: readonly Message[], systemPrompt: string): Message[] {
  const out = messages.map((m) => ({ role: m.role, content: m.content }));
  if (out.length > 0 && out[0]!.role === 'system') out[0]!.content = systemPrompt + '\n\n' + out[0]!.content;
  else out.unshift({ role: 'system', content: systemPrompt });
  return out;
}
