/** The format registry: every model format by name. */
import type { Format } from '../core/format.js';
import { UserError } from '../core/errors.js';
import { bfclPrompt } from './bfcl-prompt.js';
import { openaiFc } from './openai-fc.js';
import { xlam } from './xlam.js';
import { xlamBfclV1 } from './xlam-bfcl-v1.js';

const FORMATS: ReadonlyMap<string, Format> = new Map([bfclPrompt, openaiFc, xlam, xlamBfclV1].map((f) => [f.name, f]));

/** The names of all known formats, in registry order. */
export function formatNames(): string[] {
  return [...FORMATS.keys()];
}

/** The format called `name`; a UserError naming the known formats when there is none. */
export function getFormat(name: string): Format {
  const f = FORMATS.get(name);
  if (!f) throw new UserError(`unknown format "${name}"; known formats: ${formatNames().join(', ')}`);
  return f;
}

export { bfclPrompt, openaiFc, xlam, xlamBfclV1 };
