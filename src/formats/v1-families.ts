/**
 * The 18 decoder families of the BFCL v1 handlers (bfcl-spec-v1.md §5) as formats, and the registry of
 * the 2024 model folders (configs/v1-models.json: folder → family + underscore-to-dot). The families are
 * data-driven: a prompting family is a text preparation (decode/v1-prepare.ts) plus the v1 decoder; the
 * JSON families are the handlers' own decoders (decode/v1-json-families.ts).
 */
import { UserError } from '../core/errors.js';
import { DecodeError, WrongOutputFormat, type Format, type Language } from '../core/format.js';
import type { PyValue } from '../core/pyvalue.js';
import { decodeToolCalls, toolCallsToExecute } from '../decode/tool-calls.js';
import {
  decodeCohereFcAst, decodeCohereFcExecute, decodeGlmAst, decodeGlmExecute, decodeGraniteAst, decodeGraniteExecute,
  decodeHermes, geminiParts, renderCalls,
} from '../decode/v1-json-families.js';
import {
  prepareClaudePrompt, prepareCoherePrompt, prepareDbrx, prepareDeepseek, prepareGemma, prepareGorilla, prepareLlama3,
  prepareMistralPrompt, prepareNemotron, prepareNexus, prepareOpenAiPrompt, resultText,
} from '../decode/v1-prepare.js';
import { decodePythonV1, decodeV1Prepared } from '../decode/v1-python.js';
import { decodeXlamAst, decodeXlamExecute } from '../decode/xlam-json.js';

/** A v1 decoder family: BFCL v1 `decode_ast` and `decode_execute` of one group of handlers. */
export interface V1Family {
  /** Format name, e.g. `v1-openai-prompt`. */
  name: string;
  /** bfcl-spec-v1.md §5.2 label, e.g. `F1 OpenAI prompt`. */
  label: string;
  decodeAst(result: PyValue, language: Language): PyValue;
  /** Call strings; throws DecodeError, or WrongOutputFormat where the handler returned a non-list. */
  decodeExecute(result: PyValue): string[];
}

/** A prompting family: prepare the text (AST and exec may differ), then the v1 Python decoder. */
function prompting(name: string, label: string, prepare: (text: string, exec: boolean) => string): V1Family {
  return {
    name,
    label,
    decodeAst: (result, language) => decodeV1Prepared(prepare(resultText(result), false), language),
    decodeExecute: (result) => renderCalls(asList(decodePythonV1(prepare(resultText(result), true)))),
  };
}

function asList(v: PyValue): PyValue[] {
  if (!Array.isArray(v)) throw new DecodeError('decoded calls are not a list');
  return v;
}

const FAMILIES: readonly V1Family[] = [
  prompting('v1-openai-prompt', 'F1 OpenAI prompt', prepareOpenAiPrompt),
  {
    name: 'v1-json-args-fc',
    label: 'F2 JSON-args FC',
    // Language is ignored: Java/JS values must already be JSON strings.
    decodeAst: (result) => decodeToolCalls(result),
    decodeExecute: (result) => toolCallsToExecute(result),
  },
  {
    name: 'v1-gemini',
    label: 'F3 Gemini',
    decodeAst: (result) => decodeToolCalls(geminiParts(result)),
    decodeExecute: (result) => toolCallsToExecute(result),
  },
  { name: 'v1-cohere-fc', label: 'F4 Cohere FC', decodeAst: decodeCohereFcAst, decodeExecute: decodeCohereFcExecute },
  prompting('v1-claude-prompt', 'F5 Claude prompt', prepareClaudePrompt),
  prompting('v1-mistral-prompt', 'F6 Mistral prompt', prepareMistralPrompt),
  prompting('v1-cohere-prompt', 'F7 Cohere prompt', prepareCoherePrompt),
  prompting('v1-gorilla', 'F8 Gorilla openfunctions-v2', prepareGorilla),
  {
    name: 'v1-nexus-raven',
    label: 'F9 Nexus Raven',
    decodeAst: (result, language) => {
      const prepared = prepareNexus(resultText(result));
      const decoded = decodeV1Prepared(prepared, language);
      // BFCL quirk (v1): parsed first, then any out_of_domain call makes the answer the string "irrelevant".
      return prepared.includes('out_of_domain') ? 'irrelevant' : decoded;
    },
    decodeExecute: (result) => renderCalls(asList(decodePythonV1(prepareNexus(resultText(result))))),
  },
  {
    name: 'v1-hermes',
    label: 'F10 Hermes <tool_call>',
    decodeAst: (result, language) => decodeHermes(result, language),
    decodeExecute: (result) => renderCalls(decodeHermes(result, 'exec')),
  },
  prompting('v1-llama3', 'F11 Llama-3', prepareLlama3),
  prompting('v1-gemma', 'F12 Gemma', prepareGemma),
  prompting('v1-deepseek-coder', 'F13 Deepseek coder', prepareDeepseek),
  {
    name: 'v1-dbrx',
    label: 'F14 DBRX',
    decodeAst: (result, language) => {
      const text = resultText(result);
      try {
        return decodeV1Prepared(prepareDbrx(text), language);
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
        // BFCL quirk (v1): on failure the original text is parsed, and its exception propagates.
        return decodeV1Prepared(text, language);
      }
    },
    decodeExecute: (result) => {
      const text = resultText(result);
      let decoded: PyValue;
      try {
        decoded = decodePythonV1(prepareDbrx(text));
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
        decoded = decodePythonV1(text);
      }
      return renderCalls(asList(decoded));
    },
  },
  prompting('v1-nemotron', 'F15 Nemotron / Arctic', prepareNemotron),
  { name: 'v1-granite', label: 'F16 Granite', decodeAst: decodeGraniteAst, decodeExecute: decodeGraniteExecute },
  { name: 'v1-glm', label: 'F17 GLM-4-9b-chat', decodeAst: decodeGlmAst, decodeExecute: decodeGlmExecute },
  {
    name: 'v1-xlam',
    label: 'F18 xLAM',
    decodeAst: (result) => decodeXlamAst(result),
    decodeExecute: (result) => {
      const out = decodeXlamExecute(result);
      // BFCL quirk: non-JSON text is returned as it is (executable_decoder:wrong_output_format).
      if (typeof out === 'string') throw new WrongOutputFormat('xLAM output is not JSON', out);
      return out;
    },
  },
];

const BY_NAME: ReadonlyMap<string, V1Family> = new Map(FAMILIES.map((f) => [f.name, f]));

export function v1FamilyNames(): string[] {
  return FAMILIES.map((f) => f.name);
}

export function v1Family(name: string): V1Family {
  const f = BY_NAME.get(name);
  if (!f) throw new UserError(`unknown bfcl-v1 format "${name}"; known: ${v1FamilyNames().join(', ')}`);
  return f;
}

/** A v1 family as a pipeline Format for one model (the underscore-to-dot flag is per model, not per family). */
export function v1Format(family: string, underscoreToDot: boolean): Format {
  const f = v1Family(family);
  return { name: f.name, underscoreToDot, decodeAst: f.decodeAst, decodeExecute: f.decodeExecute };
}

export interface V1ModelEntry {
  family: string;
  underscoreToDot: boolean;
}

/** The format of a 2024 model folder from the registry; `formatFlag` (a family name) overrides it. */
export function v1FormatForModel(
  registry: ReadonlyMap<string, V1ModelEntry>,
  folder: string,
  formatFlag?: string,
  underscoreToDot?: boolean,
): Format {
  if (formatFlag) return v1Format(formatFlag, underscoreToDot ?? false);
  const e = registry.get(folder);
  if (!e) {
    throw new UserError(
      `model folder "${folder}" is not in the bfcl-v1 registry (configs/v1-models.json); pass --format with one of: ${v1FamilyNames().join(', ')}`,
    );
  }
  return v1Format(e.family, underscoreToDot ?? e.underscoreToDot);
}
