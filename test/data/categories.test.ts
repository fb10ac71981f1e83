import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  CATEGORIES,
  categoryInfo,
  compareIds,
  expandCategories,
  GROUPS,
  isAgentic,
  isExecutable,
  isJava,
  isJs,
  isLive,
  isMultiTurn,
  isRelevanceOrIrrelevance,
  languageOf,
  resultFilePath,
  scoreFilePath,
  sortKey,
} from '../../src/data/categories.js';
import { findResultFiles } from '../../src/data/results.js';
import { REAL_RESULTS } from '../fixtures/paths.js';

const VLLM_RUN = join(REAL_RESULTS, 'bfcl-vllm-results', 'results', '2025-11-12-main');

describe('groups (§1.3)', () => {
  it('all = every scoring category + format_sensitivity, sorted, without the retired exec ones', () => {
    const all = expandCategories(['all']);
    expect(all).toHaveLength(23);
    expect(all).toEqual([...all].sort());
    expect(all).toContain('format_sensitivity');
    expect(all.some((c) => c.startsWith('exec') || c === 'rest')).toBe(false);
    expect(expandCategories(['all_scoring'])).toHaveLength(22);
  });

  it('single_turn, python and non_python have the spec members', () => {
    expect(expandCategories(['single_turn'])).toHaveLength(13);
    expect(expandCategories(['python'])).toEqual([
      'irrelevance', 'live_irrelevance', 'live_multiple', 'live_parallel', 'live_parallel_multiple', 'live_relevance', 'live_simple',
      'multiple', 'parallel', 'parallel_multiple', 'simple_python',
    ]);
    expect(expandCategories(['non_python'])).toEqual(['simple_java', 'simple_javascript']);
    expect(expandCategories(['memory'])).toEqual(['memory_kv', 'memory_rec_sum', 'memory_vector']);
    expect(expandCategories(['web_search'])).toEqual(['web_search_base', 'web_search_no_snippet']);
  });

  it('expansion is a de-duplicated, alphabetically sorted union; comma lists work', () => {
    expect(expandCategories(['simple_python,live_simple', 'non_live', 'live_simple'])).toEqual([
      'irrelevance', 'live_simple', 'multiple', 'parallel', 'parallel_multiple', 'simple_java', 'simple_javascript', 'simple_python',
    ]);
  });

  it('retired executable categories are selectable by name and by the exec group', () => {
    expect(expandCategories(['rest', 'exec_simple'])).toEqual(['exec_simple', 'rest']);
    expect(expandCategories(['exec'])).toEqual(['exec_multiple', 'exec_parallel', 'exec_parallel_multiple', 'exec_simple', 'rest']);
    expect(categoryInfo('exec_simple').file).toBe('unused_datasets/question/BFCL_v4_exec_simple.json');
    expect(categoryInfo('exec_simple').answerFile).toBe('unused_datasets/possible_answer/BFCL_v4_exec_simple.json');
  });

  it('an unknown name is a UserError (exit 2) listing valid categories and groups', () => {
    let err: unknown;
    try {
      expandCategories(['simple_python', 'simpel']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const e = err as UserError;
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('"simpel"');
    expect(e.message).toMatch(/Valid categories: .*simple_python.*live_relevance/);
    expect(e.message).toMatch(/Valid groups: .*single_turn.*non_python/);
  });

  it('the table counts add up to the §1.2 totals', () => {
    const sum = (g: string): number => (GROUPS.get(g) ?? []).reduce((n, c) => n + categoryInfo(c).count, 0);
    expect(sum('non_live')).toBe(1390);
    expect(sum('live')).toBe(2251);
    expect(sum('multi_turn')).toBe(800);
    expect(sum('agentic')).toBe(665);
    expect(sum('all_scoring')).toBe(5106);
  });
});

describe('substring predicates (§1.2)', () => {
  it('match the spec, quirks included', () => {
    expect(isJava('simple_java')).toBe(true);
    expect(isJava('simple_javascript')).toBe(false);
    expect(isJs('simple_javascript_3')).toBe(true);
    expect(isRelevanceOrIrrelevance('live_irrelevance')).toBe(true);
    expect(isRelevanceOrIrrelevance('live_relevance')).toBe(true);
    expect(isExecutable('rest_3')).toBe(true);
    expect(isExecutable('exec_parallel')).toBe(true);
    expect(isExecutable('simple_python')).toBe(false);
    expect(isLive('live_multiple_0-0-0')).toBe(true);
    expect(isMultiTurn('multi_turn_miss_func_1')).toBe(true);
    expect(isAgentic('memory_kv_0-customer-0')).toBe(true);
    expect(isAgentic('web_search_base')).toBe(true);
    expect(languageOf('simple_java')).toBe('java');
    expect(languageOf('simple_javascript')).toBe('javascript');
    expect(languageOf('live_simple')).toBe('python');
    for (const c of CATEGORIES) expect(c.language).toBe(languageOf(c.name));
  });
});

describe('output paths (§13.1, §13.2) against a real bfcl run', () => {
  it('resultFilePath gives the path bfcl generate wrote, for every real result file', () => {
    const found = findResultFiles(join(VLLM_RUN, 'result'));
    expect(found).toHaveLength(26);
    for (const f of found) {
      expect(resultFilePath(join(VLLM_RUN, 'result'), f.model, f.category)).toBe(f.path);
    }
    expect(resultFilePath('results', 'openai/gpt-oss-20b', 'simple_python')).toBe('results/openai_gpt-oss-20b/non_live/BFCL_v4_simple_python_result.json');
  });

  it('scoreFilePath points at the real score files', () => {
    const p = scoreFilePath(join(VLLM_RUN, 'score'), 'openai/gpt-oss-120b', 'live_simple');
    expect(p).toBe(join(VLLM_RUN, 'score', 'openai_gpt-oss-120b', 'live', 'BFCL_v4_live_simple_score.json'));
    expect(readFileSync(p, 'utf8')).toMatch(/^\{"accuracy": /);
  });

  it('memory results sit in agentic/memory/<backend>/', () => {
    expect(resultFilePath('r', 'm', 'memory_rec_sum')).toBe('r/m/agentic/memory/rec_sum/BFCL_v4_memory_rec_sum_result.json');
    expect(resultFilePath('r', 'm', 'web_search_base')).toBe('r/m/agentic/BFCL_v4_web_search_base_result.json');
  });
});

describe('sort key (§13.1)', () => {
  it('reproduces the order of a real, re-sorted result file', () => {
    const file = join(VLLM_RUN, 'result', 'openai_gpt-oss-20b', 'live', 'BFCL_v4_live_multiple_result.json');
    const ids = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toHaveLength(1053);
    const shuffled = ids.map((id, i) => ({ id, k: (i * 7919) % 1053 })).sort((a, b) => a.k - b.k).map((x) => x.id);
    expect(shuffled).not.toEqual(ids);
    expect([...shuffled].sort(compareIds)).toEqual(ids);
  });

  it('uses priority, category and the first index number', () => {
    expect(sortKey('live_multiple_1052-279-0')).toEqual([2, 'live_multiple', 1052]);
    expect(sortKey('memory_kv_prereq_3-customer-3')).toEqual([0, 'memory_kv_prereq', 3]);
    expect(sortKey('web_search_base_9')).toEqual([1, 'web_search_base', 9]);
    expect(sortKey('multi_turn_base_12')).toEqual([3, 'multi_turn_base', 12]);
    expect(sortKey('memory_kv_0-customer-0')).toEqual([4, 'memory_kv', 0]);
    expect(sortKey('simple_python_10:json:default')).toEqual([2, 'simple_python', 10]);
    expect(['simple_python_10', 'simple_python_9', 'multi_turn_base_0', 'irrelevance_3'].sort(compareIds)).toEqual([
      'irrelevance_3', 'simple_python_9', 'simple_python_10', 'multi_turn_base_0',
    ]);
  });
});
