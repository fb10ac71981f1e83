/** Reading configs/v1-models.json, the registry of the 2024 (BFCL v1) model folders. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { v1Family, type V1ModelEntry } from '../formats/v1-families.js';
import { PROJECT_ROOT } from './locations.js';

export const V1_MODELS_FILE = join(PROJECT_ROOT, 'configs', 'v1-models.json');

const cache = new Map<string, ReadonlyMap<string, V1ModelEntry>>();

/** folder → family + underscore-to-dot flag; every family name is validated. */
export function loadV1ModelRegistry(file: string = V1_MODELS_FILE): ReadonlyMap<string, V1ModelEntry> {
  const hit = cache.get(file);
  if (hit) return hit;
  let raw: { models?: Record<string, Partial<V1ModelEntry>> };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as typeof raw;
  } catch (e) {
    throw new UserError(`cannot read the bfcl-v1 model registry ${file}: ${(e as Error).message}`);
  }
  const map = new Map<string, V1ModelEntry>();
  for (const [folder, e] of Object.entries(raw.models ?? {})) {
    if (typeof e.family !== 'string') throw new UserError(`${file}: model "${folder}" has no "family"`);
    v1Family(e.family);
    map.set(folder, { family: e.family, underscoreToDot: e.underscoreToDot === true });
  }
  cache.set(file, map);
  return map;
}
