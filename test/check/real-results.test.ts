/**
 * Real model outputs with official score files (real-results/bfcl-vllm-results, gpt-oss-120b on
 * vLLM main 2025-11-12, FC mode, so underscore_to_dot is on): every entry of every single-turn
 * category must get the official verdict and error type.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAst, decoderFailedVerdict } from '../../src/check/ast.js';
import { checkRelevance } from '../../src/check/relevance.js';
import { parsePyJson } from '../../src/core/pyjson.js';
import { PyDict, type PyValue } from '../../src/core/pyvalue.js';
import type { Verdict } from '../../src/core/types.js';
import { answerFromPy } from '../../src/data/entries.js';
import { casesOf } from '../fixtures/conformance.js';
import { REAL_RESULTS } from '../fixtures/paths.js';
import { RELEVANCE_CATEGORIES } from './verdict-of.js';

const ROOT = join(REAL_RESULTS, 'bfcl-vllm-results');
const RUN = join(ROOT, 'results', '2025-11-12-main');
const MODEL = 'openai_gpt-oss-120b';

function jsonLines(file: string): PyDict[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => parsePyJson(l) as PyDict);
}

/** BFCL's FC decode_ast (§4.2), enough for this test: `[{name: argsJson}]` → `[{name: args}]`; a text answer raises. */
function decodeFc(result: PyValue): PyValue {
  if (!Array.isArray(result)) throw new Error('text answer');
  return result.map((item) => {
    const [name, args] = (item as PyDict).entries()[0]!;
    return new PyDict([[name, typeof args === 'string' ? parsePyJson(args) : args]]);
  });
}

/** The possible answers the run was scored with (three files changed upstream since; see that folder's README). */
function answersFor(category: string) {
  const old = join(ROOT, 'possible_answer-2025-11', `BFCL_v4_${category}.json`);
  const file = existsSync(old) ? old : join(REAL_RESULTS, '..', 'bfcl-data', 'possible_answer', `BFCL_v4_${category}.json`);
  return new Map(jsonLines(file).map((v, i) => answerFromPy(v, file, i + 1)).map((a) => [a.id, a]));
}

describe(`official verdicts on real outputs (${MODEL}, FC)`, () => {
  const files = ['non_live', 'live'].flatMap((g) => readdirSync(join(RUN, 'result', MODEL, g)).map((f) => [g, f] as const));

  it('covers the 13 single-turn categories', () => {
    expect(files.length).toBe(13);
  });

  it.each(files)('%s/%s', (group, file) => {
    const category = file.replace(/^BFCL_v4_/, '').replace(/_result\.json$/, '');
    const score = jsonLines(join(RUN, 'score', MODEL, group, `BFCL_v4_${category}_score.json`));
    const official = new Map(score.slice(1).map((s) => [s.get('id') as string, s.get('error_type') as string]));
    const cases = RELEVANCE_CATEGORIES.has(category) ? undefined : casesOf(category);
    const answers = RELEVANCE_CATEGORIES.has(category) ? undefined : answersFor(category);
    const language = category === 'simple_java' ? 'java' : category === 'simple_javascript' ? 'javascript' : 'python';
    const results = jsonLines(join(RUN, 'result', MODEL, group, file));
    const mismatches: string[] = [];
    let failures = 0;
    for (const r of results) {
      const id = r.get('id') as string;
      let decoded: PyValue | undefined;
      let error: unknown;
      try {
        decoded = decodeFc(r.get('result')!);
      } catch (e) {
        error = e;
      }
      let v: Verdict;
      if (!answers) v = checkRelevance(category, decoded);
      else if (decoded === undefined) v = decoderFailedVerdict(String(error));
      else v = checkAst({ category, language, functions: cases!.get(id)!.functions, decoded, expected: answers.get(id)!.calls, underscoreToDot: true });
      const got = v.valid ? null : v.errorType;
      if (!v.valid) failures++;
      if (got !== (official.get(id) ?? null)) mismatches.push(`${id}: official ${official.get(id) ?? 'valid'}, ours ${got ?? 'valid'}`);
    }
    expect(mismatches).toEqual([]);
    expect(failures).toBe(official.size);
    expect(score[0]!.get('total_count')).toBe(results.length);
  });
});
