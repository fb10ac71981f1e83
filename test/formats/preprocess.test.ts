import { describe, expect, it } from 'vitest';
import { dumpsPyJson } from '../../src/core/pyjson.js';
import { PyDict } from '../../src/core/pyvalue.js';
import { languageOfCategory } from '../../src/formats/language.js';
import { languageHint, preprocessDocs } from '../../src/formats/preprocess.js';
import { casesOf } from '../fixtures/conformance.js';

const param = (doc: PyDict, name: string): PyDict => ((doc.get('parameters') as PyDict).get('properties') as PyDict).get(name) as PyDict;

describe('generation-time doc pre-processing (bfcl-spec §3 step 5)', () => {
  it('chooses the language from the category', () => {
    expect(['simple_java', 'simple_javascript', 'simple_python', 'live_multiple', 'multi_turn_base'].map(languageOfCategory)).toEqual([
      'java', 'javascript', 'python', 'python', 'python',
    ]);
  });

  it('Java: hint, any, ArrayList element type, everything a string', () => {
    const c = casesOf('simple_java').get('simple_java_22')!;
    const before = dumpsPyJson(c.functions[0]!.raw);
    const [doc] = preprocessDocs(c.functions, 'java');
    expect(doc!.get('description')).toBe('Updates the new status for a list of product IDs in the product management system.' + languageHint('java'));
    const ids = param(doc!, 'ids');
    expect(ids.get('type')).toBe('string');
    expect(ids.has('items')).toBe(false);
    expect(ids.get('description')).toBe(
      'A list of product IDs to update the new status for. Product ID is Long type This is Java ArrayList type parameter in string representation. The list elements are of type long; they are not in string representation.',
    );
    expect(param(doc!, 'newStatus').get('description')).toMatch(/ This is Java integer type parameter in string representation\.$/);
    const [any] = preprocessDocs(casesOf('simple_java').get('simple_java_0')!.functions, 'java');
    expect(param(any!, 'controller').get('description')).toMatch(/ This parameter can be of any type of Java object in string representation\.$/);
    // The case itself is untouched (deep copies).
    expect(dumpsPyJson(c.functions[0]!.raw)).toBe(before);
  });

  it('JavaScript: dict properties move into the description as json.dumps text', () => {
    const [doc] = preprocessDocs(casesOf('simple_javascript').get('simple_javascript_5')!.functions, 'javascript');
    const store = param(doc!, 'store');
    expect(store.has('properties')).toBe(false);
    expect(store.get('type')).toBe('string');
    expect(store.get('description')).toBe(
      "Configuration object for the application's central store. This is JavaScript dict type parameter in string representation. The dictionary entries have the following schema; they are not in string representation. " +
        '{"initialState": {"type": "dict", "description": "The initial state object of the React application."}, "reducers": {"type": "dict", "description": "A collection of reducer functions to handle state changes."}, "middlewares": {"type": "array", "items": {"type": "String"}, "description": "An array of middleware functions for intercepting and potentially altering actions or state changes."}, "enhancers": {"type": "array", "items": {"type": "String"}, "description": "An array of store enhancers for extending store capabilities."}}',
    );
    expect(param(doc!, 'hooks').get('description')).toBe(
      'Custom hooks for accessing and updating the state within React components. This is JavaScript dict type parameter in string representation.',
    );
  });

  it('Python: only the hint; types stay BFCL types', () => {
    const [doc] = preprocessDocs(casesOf('simple_python').get('simple_python_30')!.functions, 'python');
    expect(param(doc!, 'initial_velocity').get('type')).toBe('float');
    expect(doc!.get('description')).toMatch(/assuming initial velocity is 0\. Note that the provided function is in Python 3 syntax\.$/);
    const [bare] = preprocessDocs(casesOf('simple_python').get('simple_python_30')!.functions, 'python', { hint: false });
    expect(bare!.get('description')).toBe(casesOf('simple_python').get('simple_python_30')!.functions[0]!.description);
  });
});
