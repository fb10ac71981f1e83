/** BFCL `find_description`: the function doc with exactly this name (first one), if any. */
import type { FunctionDoc } from '../core/types.js';

export function findFunctionDoc(functions: readonly FunctionDoc[], name: string): FunctionDoc | undefined {
  return functions.find((f) => f.name === name);
}
