/**
 * The text preparation the BFCL v1 prompting handlers applied before `ast_parse` (bfcl-spec-v1.md §5.4).
 * Each function takes the stored result text and returns the text handed to the v1 decoder, or throws
 * DecodeError where the handler raised. `exec` variants differ only where the handler's decode_execute did.
 */
import { DecodeError } from '../core/format.js';
import type { PyValue } from '../core/pyvalue.js';

/** The stored result as text; any other stored value makes the handler's string operations raise. */
export function resultText(result: PyValue): string {
  if (typeof result !== 'string') throw new DecodeError(`expected the model's text, got ${result === null ? 'None' : Array.isArray(result) ? 'list' : typeof result}`);
  return result;
}

/** BR: `[` prefixed when the text does not start with one, `]` appended when it does not end with one. */
export function bracket(text: string): string {
  let t = text;
  if (!t.startsWith('[')) t = '[' + t;
  if (!t.endsWith(']')) t = t + ']';
  return t;
}

/** F1 OpenAI prompt: BFCL quirk (v1): no pre-processing at all (no strip, no brackets). */
export function prepareOpenAiPrompt(text: string): string {
  return text;
}

/** F5 Claude prompt: drop exactly one leading space, then BR. */
export function prepareClaudePrompt(text: string): string {
  // BFCL quirk (v1): `result[0]` on an empty answer raises IndexError.
  if (text.length === 0) throw new DecodeError('IndexError: string index out of range');
  return bracket(text[0] === ' ' ? text.slice(1) : text);
}

/** F6 Mistral prompt: `\_` → `_`, then BR (AST only). */
export function prepareMistralPrompt(text: string, exec: boolean): string {
  const t = text.replaceAll('\\_', '_');
  // BFCL quirk (v1): decode_execute does not add brackets, so an unbracketed answer fails only in exec.
  return exec ? t : bracket(t);
}

/** F7 Cohere prompt: BR. */
export function prepareCoherePrompt(text: string): string {
  return bracket(text);
}

/** F8 Gorilla openfunctions-v2: always wrapped in brackets (its answers are unbracketed). */
export function prepareGorilla(text: string): string {
  return '[' + text + ']';
}

/** F9 Nexus Raven: one trailing `;` dropped, every other `;` becomes `,`, wrapped in brackets. */
export function prepareNexus(text: string): string {
  const t = text.endsWith(';') ? text.slice(0, -1) : text;
  return '[' + t.replaceAll(';', ',') + ']';
}

/** F11 Llama-3: every newline deleted, then BR. */
export function prepareLlama3(text: string): string {
  return bracket(text.replaceAll('\n', ''));
}

/** F12 Gemma: the span from the first `[` to the last `]` (dot matches newline); none → fails. */
export function prepareGemma(text: string): string {
  // re.search(r"\[(.*)\]", text, re.DOTALL) without the regex's quadratic backtracking.
  const open = text.indexOf('[');
  const close = text.lastIndexOf(']');
  if (open < 0 || close <= open) throw new DecodeError("AttributeError: 'NoneType' object has no attribute 'group'");
  return text.slice(open, close + 1);
}

/** F13 Deepseek coder: the first `[...]` span (no nested `]`) inside the first ``` fence. */
export function prepareDeepseek(text: string): string {
  const pieces = text.split('```');
  if (pieces.length < 2) throw new DecodeError('IndexError: list index out of range');
  // re.search(r"\[[^\]]*\]", block), in linear time: the leftmost '[' up to the first ']' after it (when no
  // ']' follows the leftmost '[', none follows a later one either). The regex backtracks quadratically on '[[[…'.
  const block = pieces[1]!;
  const open = block.indexOf('[');
  const close = open < 0 ? -1 : block.indexOf(']', open + 1);
  if (close < 0) throw new DecodeError('IndexError: list index out of range');
  return block.slice(open, close + 1);
}

/** F14 DBRX steps 1–4 (step 5, the fall-back to the original text, is in the format). */
export function prepareDbrx(text: string): string {
  // BFCL quirk (v1): every '…' pair loses its quotes, so string arguments become bare names.
  let t = text.replace(/'([^']*)'/g, '$1');
  t = t.replaceAll('\n    ', '');
  t = bracket(t);
  if (t.startsWith("['")) t = t.replaceAll("['", '[');
  return t;
}

/** F15 Nemotron / Arctic. */
export function prepareNemotron(text: string): string {
  let t = text.replaceAll('\n', '');
  if (!t.startsWith('[')) t = '[ ' + t;
  if (!t.endsWith(']')) t = t + ' ]';
  if (t.startsWith("['")) t = t.replaceAll("['", '[').replaceAll("', '", ', ').replaceAll("','", ', ');
  if (t.endsWith("']")) t = t.replaceAll("']", ']');
  return t;
}
