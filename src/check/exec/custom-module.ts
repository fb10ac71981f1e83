/** Loading a user's executable-functions module by path (the one I/O step of custom suites). */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registryFromModule } from './custom-functions.js';
import type { Registry } from './registry.js';

/**
 * Import `modulePath` (an ES module: .js/.mjs; .ts only under a TypeScript-aware runtime) and
 * return its functions as a Registry. See custom-functions.ts for the module contract.
 */
export async function loadCustomRegistry(modulePath: string): Promise<Registry> {
  const abs = resolve(modulePath);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`cannot load executable functions module ${abs}: ${(e as Error).message}`);
  }
  return registryFromModule(mod, abs);
}
