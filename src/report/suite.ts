/** CI suite files (configs/suites/*.json), validated against configs/suite.schema.json with ajv. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { EXIT, UserError } from '../core/errors.js';

export interface Suite {
  name: string;
  description?: string;
  categories: string[];
  /** Percent, 0–100. */
  minAccuracy?: Record<string, number>;
  /** Percentage points. */
  maxDrop?: number;
  alpha?: number;
}

export function suiteSchemaPath(): string {
  for (const rel of ['../../configs/suite.schema.json', '../../../configs/suite.schema.json']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  return fileURLToPath(new URL('../../configs/suite.schema.json', import.meta.url));
}

let validator: ValidateFunction | undefined;

export function validateSuite(raw: unknown, where: string): Suite {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(suiteSchemaPath(), 'utf8')) as object);
  }
  if (!validator(raw)) {
    const problems = (validator.errors ?? []).map((e) => `  ${where}${e.instancePath || ''}: ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    throw new UserError(`invalid suite file ${where}:\n${problems.join('\n')}\nSee configs/suite.schema.json.`, EXIT.badInput);
  }
  return raw as Suite;
}

export function loadSuite(file: string): Suite {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`--suite ${file}: file not found`, EXIT.badInput);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UserError(`--suite ${file}: not valid JSON (${(e as Error).message})`, EXIT.badInput);
  }
  return validateSuite(raw, file);
}
