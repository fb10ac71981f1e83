/** BFCL docs → the xLAM tool list (`convert_to_xlam_tool` of the xLAM model card and of BFCL's 2024 handler). */
import { PyDict, type PyValue } from '../core/pyvalue.js';

export interface XlamToolOptions {
  /** BFCL's 2024 handler: put `"required": true` (as the last key) into each required parameter's schema. */
  markRequired?: boolean;
}

/** `{"name", "description", "parameters": <the doc's parameters.properties>}` for one pre-processed doc (modified in place). */
export function xlamTool(doc: PyDict, opts: XlamToolOptions = {}): PyDict {
  const params = doc.get('parameters');
  const propsValue = params instanceof PyDict ? params.get('properties') : undefined;
  const props = propsValue ?? new PyDict();
  if (opts.markRequired && params instanceof PyDict && props instanceof PyDict) {
    const required = params.get('required');
    if (Array.isArray(required)) {
      for (const r of required) {
        const schema = props.get(r);
        if (schema instanceof PyDict) schema.set('required', true);
      }
    }
  }
  return new PyDict([
    ['name', doc.get('name') ?? null],
    ['description', doc.get('description') ?? null],
    ['parameters', props as PyValue],
  ]);
}

/** The user messages of a turn, joined with "\n" (system and assistant messages are left out). */
export function userQuery(turn: ReadonlyArray<{ role: string; content: string }>): string {
  return turn.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
}
