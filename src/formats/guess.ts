/**
 * Which format wrote a model's results, guessed from the stored values when nothing says so:
 * structured tool calls (`[{name: argsJson}]`) → openai-fc; JSON text with `tool_calls` or
 * `{name, arguments}` objects → xlam; any other text → bfcl-prompt (BFCL's default decoder).
 */
import { parsePyJson } from '../core/pyjson.js';
import { PyDict, type PyValue } from '../core/pyvalue.js';

function looksLikeXlam(text: string): boolean {
  const t = text.trim().replace(/^```(?:json)?\s*/, '').replace(/\s*```$/, '');
  if (!t.startsWith('{') && !t.startsWith('[')) return false;
  try {
    const v = parsePyJson(t);
    if (v instanceof PyDict) return v.has('tool_calls');
    return Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof PyDict && x.has('name'));
  } catch {
    return false;
  }
}

export function guessFormatName(results: readonly PyValue[]): 'openai-fc' | 'xlam' | 'bfcl-prompt' {
  if (results.some((r) => Array.isArray(r))) return 'openai-fc';
  const texts = results.filter((r): r is string => typeof r === 'string' && !r.startsWith('Error during inference'));
  const xlam = texts.filter(looksLikeXlam).length;
  return texts.length > 0 && xlam * 2 > texts.length ? 'xlam' : 'bfcl-prompt';
}
