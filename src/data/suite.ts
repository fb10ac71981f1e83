/**
 * User suites: a folder of BFCL-format files plus a `suite.json` naming its categories and, for
 * executable categories, the JavaScript module that implements its functions.
 *
 *   { "name": "custom-example", "execModule": "functions.js", "categories": ["shop_exec_simple", …] }
 *
 * Questions are `BFCL_v4_<category>.json`, ground truth `possible_answer/BFCL_v4_<category>.json`.
 * A category whose name contains "exec" is executable (ground truth: Python call strings), one
 * containing "relevance" is a relevance category, anything else is checked by AST matching.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { languageOf, type CategoryInfo } from './categories.js';

export interface Suite {
  name: string;
  dir: string;
  /** Absolute path of the functions module, when the suite has executable categories. */
  execModule?: string;
  categories: CategoryInfo[];
}

export function loadSuite(file: string): Suite {
  if (!existsSync(file)) throw new UserError(`--suite ${file}: no such file`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`--suite ${file}: not valid JSON (${(e as Error).message})`);
  }
  const r = raw as Record<string, unknown>;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.categories) || !r.categories.every((c) => typeof c === 'string' && /^[A-Za-z0-9_]+$/.test(c))) {
    throw new UserError(`${file}: "categories" must be a list of category names (letters, digits, underscores)`);
  }
  if (r.execModule !== undefined && typeof r.execModule !== 'string') throw new UserError(`${file}: "execModule" must be a path`);
  const dir = dirname(resolve(file));
  const categories = (r.categories as string[]).map((name): CategoryInfo => {
    const kind = name.includes('exec') ? 'exec' : name.includes('relevance') ? 'relevance' : 'ast';
    const info: CategoryInfo = { name, file: `BFCL_v4_${name}.json`, group: 'non_live', kind, language: languageOf(name), count: 0, scoring: false };
    if (kind !== 'relevance') info.answerFile = `possible_answer/BFCL_v4_${name}.json`;
    return info;
  });
  const suite: Suite = { name: typeof r.name === 'string' ? r.name : dirname(file), dir, categories };
  if (typeof r.execModule === 'string') suite.execModule = isAbsolute(r.execModule) ? r.execModule : join(dir, r.execModule);
  if (categories.some((c) => c.kind === 'exec') && !suite.execModule) throw new UserError(`${file}: executable categories need "execModule", the module of the suite's functions`);
  return suite;
}
