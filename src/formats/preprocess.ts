/**
 * BFCL's generation-time pre-processing of function docs (bfcl-spec.md §3 step 5,
 * `func_doc_language_specific_pre_processing`): a language hint appended to every description and,
 * for Java and JavaScript, every top-level parameter flattened to `type: "string"` with its real
 * type explained in its description. Works on deep copies; the Case is never modified.
 */
import type { Language } from '../core/format.js';
import { dumpsPyJson } from '../core/pyjson.js';
import { PyDict, pyDeepCopy, type PyValue } from '../core/pyvalue.js';
import type { FunctionDoc } from '../core/types.js';

const HINTS: Record<Language, string> = {
  python: ' Note that the provided function is in Python 3 syntax.',
  java: ' Note that the provided function is in Java 8 SDK syntax.',
  javascript: ' Note that the provided function is in JavaScript syntax.',
};

const LANGUAGE_NAMES: Record<Language, string> = { python: 'Python', java: 'Java', javascript: 'JavaScript' };

/** The sentence appended to descriptions (and, in 2024's xLAM handler, to the question). */
export function languageHint(language: Language): string {
  return HINTS[language];
}

export interface PreprocessOptions {
  /** Append the language hint to each doc's description (default true; BFCL's July-2024 xLAM handler did not). */
  hint?: boolean;
}

/** Deep copies of the docs' raw dicts, pre-processed for `language`. */
export function preprocessDocs(docs: readonly FunctionDoc[], language: Language, opts: PreprocessOptions = {}): PyDict[] {
  const hint = opts.hint ?? true;
  return docs.map((d) => {
    const doc = pyDeepCopy(d.raw) as PyDict;
    if (hint) doc.set('description', strOf(doc.get('description')) + HINTS[language]);
    if (language !== 'python') {
      const params = doc.get('parameters');
      const props = params instanceof PyDict ? params.get('properties') : undefined;
      if (props instanceof PyDict) for (const p of props.values()) if (p instanceof PyDict) flattenParam(p, language);
    }
    return doc;
  });
}

function strOf(v: PyValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** One top-level Java/JS parameter → a string parameter whose description names the real type. */
function flattenParam(p: PyDict, language: Language): void {
  const lang = LANGUAGE_NAMES[language];
  const type = p.get('type');
  const typeText = typeof type === 'string' ? type : String(type);
  let desc = strOf(p.get('description'));
  if (type === 'any') desc += ` This parameter can be of any type of ${lang} object in string representation.`;
  else desc += ` This is ${lang} ${typeText} type parameter in string representation.`;
  const isList = language === 'java' ? type === 'ArrayList' || type === 'Array' : type === 'array';
  if (isList) {
    const items = p.get('items');
    desc += ` The list elements are of type ${itemType(items)}; they are not in string representation.`;
    p.delete('items');
  }
  if (language === 'javascript' && type === 'dict' && p.has('properties')) {
    // json.dumps with default arguments: ", " / ": ", ASCII escapes.
    desc += ` The dictionary entries have the following schema; they are not in string representation. ${dumpsPyJson(p.get('properties')!)}`;
    p.delete('properties');
  }
  p.set('description', desc);
  p.set('type', 'string');
}

function itemType(items: PyValue | undefined): string {
  const t = items instanceof PyDict ? items.get('type') : undefined;
  return typeof t === 'string' ? t : String(t);
}
