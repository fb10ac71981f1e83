/** Which language BFCL treats a category in (decides the language hint, the Java/JS flattening and the decoder). */
import type { Language } from '../core/format.js';

/** `simple_java` → java, `simple_javascript` → javascript, every other category → python. */
export function languageOfCategory(category: string): Language {
  if (category.includes('javascript')) return 'javascript';
  if (category.includes('java')) return 'java';
  return 'python';
}
