/**
 * Grammar-constrained generation (`--constrain`): the JSON Schema of a valid answer for one case,
 * built from the case's function docs, attached to the request so a backend that can constrain
 * decoding (llama-cpp) only lets the model write a syntactically valid call list.
 *
 * Off by default: published BFCL numbers were measured without it. Only formats whose answer is
 * JSON have a schema (the xLAM formats: `{"tool_calls": [{"name", "arguments"}]}`).
 */
import { UserError } from '../core/errors.js';
import type { Format, ModelRequest } from '../core/format.js';
import { PyDict, PyFloat, PyTuple, type PyValue } from '../core/pyvalue.js';
import type { Case } from '../core/types.js';
import type { JsonSchema } from '../backends/json-grammar.js';
import { languageOfCategory } from '../formats/language.js';
import { preprocessDocs } from '../formats/preprocess.js';

/** A request with the schema its answer must match (backends that cannot constrain ignore it). */
export type ConstrainedRequest = ModelRequest & { answerSchema?: JsonSchema };

/** Formats whose answer is the xLAM JSON object. */
const XLAM_JSON_FORMATS = new Set(['xlam', 'xlam-bfcl-v1']);

export function canConstrain(format: Format): boolean {
  return XLAM_JSON_FORMATS.has(format.name);
}

function plain(v: PyValue): unknown {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof PyTuple) return v.items.map(plain);
  if (v instanceof PyDict) return Object.fromEntries(v.entries().map(([k, x]) => [String(k), plain(x)]));
  return v;
}

/** BFCL's parameter types → JSON Schema (float/number/int-for-float leniency: a float accepts integers too). */
export function paramSchema(p: PyValue | undefined): JsonSchema {
  if (!(p instanceof PyDict)) return {};
  const type = p.get('type');
  const out: Record<string, unknown> = {};
  const en = p.get('enum');
  if (Array.isArray(en) && en.length > 0) return { enum: en.map(plain) };
  switch (typeof type === 'string' ? type.toLowerCase() : '') {
    case 'string':
    case 'str':
    case 'char':
      return { type: 'string' };
    case 'integer':
    case 'int':
    case 'long':
    case 'short':
    case 'byte':
      return { type: 'integer' };
    case 'float':
    case 'double':
    case 'number':
      return { type: 'number' };
    case 'boolean':
    case 'bool':
      return { type: 'boolean' };
    case 'array':
    case 'tuple':
    case 'list':
    case 'arraylist':
      out['type'] = 'array';
      if (p.get('items') !== undefined) out['items'] = paramSchema(p.get('items'));
      return out;
    case 'dict':
    case 'object':
    case 'hashmap':
    case 'map': {
      const props = p.get('properties');
      if (!(props instanceof PyDict) || props.size === 0) return { type: 'object' };
      return objectSchema(props, p.get('required'));
    }
    default:
      return {}; // any, or a type the grammar does not know: any JSON value
  }
}

function objectSchema(props: PyDict, required: PyValue | undefined): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [k, v] of props) properties[String(k)] = paramSchema(v);
  const req = Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string' && r in properties) : [];
  return { type: 'object', properties, required: req, additionalProperties: false };
}

/** The schema of an xLAM answer for these (pre-processed) docs: `{"tool_calls": [one of the calls…]}` (an empty list allowed). */
export function xlamAnswerSchema(docs: readonly PyDict[]): JsonSchema {
  const calls = docs.map((d) => {
    const params = d.get('parameters');
    const props = params instanceof PyDict ? params.get('properties') : undefined;
    const args = props instanceof PyDict ? objectSchema(props, (params as PyDict).get('required')) : { type: 'object' };
    return { type: 'object', properties: { name: { const: String(d.get('name')) }, arguments: args }, required: ['name', 'arguments'], additionalProperties: false };
  });
  const toolCalls: JsonSchema = calls.length === 0 ? { const: [] } : { type: 'array', items: calls.length === 1 ? calls[0]! : { oneOf: calls } };
  return { type: 'object', properties: { tool_calls: toolCalls }, required: ['tool_calls'], additionalProperties: false };
}

/** The answer schema for one case under `format`. */
export function answerSchema(format: Format, c: Case): JsonSchema {
  if (!canConstrain(format)) throw new UserError(`--constrain needs a format whose answer is JSON (xlam, xlam-bfcl-v1); ${format.name} answers in another syntax`);
  return xlamAnswerSchema(preprocessDocs(c.functions, languageOfCategory(c.category)));
}

/** `format` with each request carrying its answer schema (for `--constrain`). */
export function constrainedFormat(format: Format): Format {
  if (!canConstrain(format)) throw new UserError(`--constrain needs a format whose answer is JSON (xlam, xlam-bfcl-v1); ${format.name} answers in another syntax`);
  const request = format.request?.bind(format);
  if (!request) return format;
  return {
    ...format,
    decodeAst: format.decodeAst.bind(format),
    ...(format.resultOf ? { resultOf: format.resultOf.bind(format) } : {}),
    ...(format.decodeExecute ? { decodeExecute: format.decodeExecute.bind(format) } : {}),
    request(c, opts): ConstrainedRequest {
      return { ...request(c, opts), answerSchema: answerSchema(format, c) };
    },
  };
}

/** `--constrain` for a run: the wrapped format, or a UserError when the backend or the format cannot do it. */
export function constrainedFormatFor(cfg: { name: string; backend: string }, format: Format, customBackend: boolean): Format {
  if (!customBackend && cfg.backend !== 'llama-cpp') {
    throw new UserError(`--constrain needs the llama-cpp backend (model ${cfg.name} uses ${cfg.backend}, which cannot constrain decoding)`);
  }
  return constrainedFormat(format);
}
