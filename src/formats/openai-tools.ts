/**
 * BFCL doc → OpenAI chat-completions tool (bfcl-spec.md §10.3; BFCL `convert_to_tool` with
 * `GORILLA_TO_OPENAPI` and the OPENAI_COMPLETIONS model style). Works on deep copies.
 */
import { PyDict, pyDeepCopy, type PyValue } from '../core/pyvalue.js';

/** BFCL's type table (`bfcl_eval/constants/type_mappings.py`, GORILLA_TO_OPENAPI). */
const GORILLA_TO_OPENAPI: ReadonlyMap<string, string> = new Map([
  ['integer', 'integer'], ['number', 'number'], ['float', 'number'], ['string', 'string'],
  ['boolean', 'boolean'], ['bool', 'boolean'], ['array', 'array'], ['list', 'array'],
  ['dict', 'object'], ['object', 'object'], ['tuple', 'array'], ['any', 'string'],
  ['byte', 'integer'], ['short', 'integer'], ['long', 'integer'], ['double', 'number'],
  ['char', 'string'], ['ArrayList', 'array'], ['Array', 'array'], ['HashMap', 'object'],
  ['Hashtable', 'object'], ['Queue', 'array'], ['Stack', 'array'], ['Any', 'string'],
  ['String', 'string'], ['Bigint', 'integer'],
]);

/** The JSON-Schema type for a BFCL type; unknown types become `string` (as BFCL does for properties). */
export function openApiType(type: PyValue | undefined): string {
  return (typeof type === 'string' ? GORILLA_TO_OPENAPI.get(type) : undefined) ?? 'string';
}

// BFCL quirk: nested `items` types go through the table without the `string` fallback (a KeyError
// upstream); unknown ones are left as they are here.
function mapItemType(schema: PyDict): void {
  const type = schema.get('type');
  if (typeof type === 'string') schema.set('type', GORILLA_TO_OPENAPI.get(type) ?? type);
}

/** `_cast_to_openai_type`: maps every property's type, recursing as far as BFCL does. */
function castProperties(properties: PyDict): void {
  for (const value of properties.values()) {
    if (!(value instanceof PyDict)) continue;
    if (!value.has('type')) value.set('type', 'string');
    else {
      const varType = value.get('type');
      if (varType === 'float') {
        value.set('format', 'float');
        const d = value.get('description');
        value.set('description', (typeof d === 'string' ? d : '') + ' This is a float type value.');
      }
      value.set('type', openApiType(varType));
    }
    const t = value.get('type');
    if (t !== 'array' && t !== 'object') continue;
    const props = value.get('properties');
    const items = value.get('items');
    if (props instanceof PyDict) castProperties(props);
    else if (items instanceof PyDict) {
      // BFCL quirk: only lists of lists and lists of dicts are looked into, and only this deep;
      // `float` items get no "format" / description note.
      mapItemType(items);
      const inner = items.get('items');
      const innerProps = items.get('properties');
      if (items.get('type') === 'array' && inner instanceof PyDict) mapItemType(inner);
      else if (items.get('type') === 'object' && innerProps instanceof PyDict) castProperties(innerProps);
    }
  }
}

export interface ToolOptions {
  /** Replace '.' with '_' in function names (OpenAI rejects dots). */
  underscoreNames: boolean;
}

/** One (already language-pre-processed) doc → `{"type": "function", "function": doc'}`. */
export function openAiTool(doc: PyDict, opts: ToolOptions): PyDict {
  const item = pyDeepCopy(doc) as PyDict;
  const name = item.get('name');
  if (opts.underscoreNames && typeof name === 'string') item.set('name', name.replaceAll('.', '_'));
  const params = item.get('parameters');
  if (params instanceof PyDict) {
    params.set('type', 'object');
    const props = params.get('properties');
    if (props instanceof PyDict) castProperties(props);
  }
  return new PyDict([
    ['type', 'function'],
    ['function', item],
  ]);
}
