import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { PyDict } from '../../src/core/pyvalue.js';
import { categoryInfo, expandCategories } from '../../src/data/categories.js';
import { AGENTIC_ANSWER_FORMAT, loadCategory, loadMemoryPrereqs, resolveDataDir } from '../../src/data/dataset.js';
import { DEFAULT_DATA_DIR } from '../../src/data/locations.js';
import { BFCL_DATA } from '../fixtures/paths.js';

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'fcbench-data-'));
  temps.push(d);
  return d;
}
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function thrown(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError');
}

describe('loadCategory on the official v4 data', () => {
  it('every single-turn category has its §1.2 count, ground truth paired by id, and no problems', () => {
    const counts: Record<string, number> = {};
    for (const category of expandCategories(['single_turn'])) {
      const { cases, answers, problems } = loadCategory(BFCL_DATA, category);
      expect(problems).toEqual([]);
      counts[category] = cases.length;
      expect(cases.length).toBe(categoryInfo(category).count);
      for (const c of cases) {
        expect(c.category).toBe(category);
        expect(c.id.startsWith(category + '_')).toBe(true);
      }
      if (categoryInfo(category).kind === 'relevance') expect(answers.size).toBe(0);
      else for (const c of cases) expect(answers.get(c.id)?.calls.length).toBeGreaterThan(0);
    }
    expect(counts).toEqual({
      irrelevance: 240, live_irrelevance: 884, live_multiple: 1053, live_parallel: 16, live_parallel_multiple: 24, live_relevance: 16,
      live_simple: 258, multiple: 200, parallel: 200, parallel_multiple: 200, simple_java: 100, simple_javascript: 50, simple_python: 400,
    });
  });

  it('keeps int vs float and the source line of every entry', () => {
    const { cases, answers } = loadCategory(BFCL_DATA, 'simple_python');
    expect(cases[0]!.source).toEqual({ file: join(BFCL_DATA, 'BFCL_v4_simple_python.json'), line: 1 });
    expect(cases[0]!.functions[0]!.name).toBe('calculate_triangle_area');
    expect(answers.get('simple_python_0')!.calls[0]!.params.get('base')).toEqual([10]);
  });

  it('multi-turn entries get the docs of their involved classes; miss_func docs are held out per turn', () => {
    const base = loadCategory(BFCL_DATA, 'multi_turn_base');
    expect(base.problems).toEqual([]);
    expect(base.cases).toHaveLength(200);
    const miss = loadCategory(BFCL_DATA, 'multi_turn_miss_func');
    expect(miss.problems).toEqual([]);
    const c = miss.cases[0]!;
    expect(c.id).toBe('multi_turn_miss_func_0');
    // TwitterAPI (14 docs) + GorillaFileSystem (18 docs), minus the held-out `sort`.
    expect(c.functions).toHaveLength(31);
    expect(c.functions.some((f) => f.name === 'sort')).toBe(false);
    expect(c.question[3]).toEqual([]);
    const held = (c.raw.get('missed_function') as PyDict).get('3') as PyDict[];
    expect(held.map((d) => d.get('name'))).toEqual(['sort']);
    expect(miss.answers.get(c.id)!.raw.get('ground_truth')).toHaveLength(5);
  });

  it('web search and memory: ids rewritten per category, answer-format system message, ground truth by index', () => {
    const ws = loadCategory(BFCL_DATA, 'web_search_no_snippet');
    expect(ws.problems).toEqual([]);
    expect(ws.cases).toHaveLength(100);
    const w = ws.cases[0]!;
    expect(w.id).toBe('web_search_no_snippet_0');
    expect(w.question[0]![0]).toEqual({ role: 'system', content: AGENTIC_ANSWER_FORMAT });
    expect(w.question[0]).toHaveLength(2);
    expect((((w.raw.get('question') as PyDict[][])[0]![0]) as PyDict).get('content')).toBe(AGENTIC_ANSWER_FORMAT);
    // The shared entry is not changed for the other web-search category.
    expect(loadCategory(BFCL_DATA, 'web_search_base').cases[0]!.question[0]).toHaveLength(2);
    expect(w.functions.map((f) => f.name)).toEqual(['search_engine_query', 'fetch_url_content']);
    expect(((w.raw.get('initial_config') as PyDict).get('WebSearchAPI') as PyDict).get('show_snippet')).toBe(false);
    expect(ws.answers.get('web_search_no_snippet_0')!.raw.get('ground_truth')).toEqual(['Zhang Yiming']);

    const mem = loadCategory(BFCL_DATA, 'memory_vector');
    expect(mem.cases).toHaveLength(155);
    expect(mem.cases[0]!.id).toBe('memory_vector_0-customer-0');
    expect(mem.cases[0]!.raw.get('involved_classes')).toEqual(['MemoryAPI_vector']);
    expect(mem.cases[0]!.functions).toHaveLength(12);
    expect(mem.answers.size).toBe(155);
  });

  it('memory prerequisite conversations: 37 per backend, renamed, chained per scenario; questions depend on them', () => {
    const pre = loadMemoryPrereqs(BFCL_DATA, 'memory_kv');
    expect(pre.problems).toEqual([]);
    expect(pre.cases).toHaveLength(37);
    const fin = pre.cases.filter((c) => c.raw.get('scenario') === 'finance');
    expect(fin.map((c) => c.id)).toEqual([15, 16, 17, 18, 19, 20, 21].map((n, k) => `memory_kv_prereq_${n}-finance-${k}`));
    expect(fin[0]!.category).toBe('memory_kv_prereq');
    expect(fin[0]!.raw.get('depends_on')).toEqual([]);
    expect(fin[2]!.raw.get('depends_on')).toEqual([fin[0]!.id, fin[1]!.id]);
    expect(fin[0]!.question[0]![0]!.role).toBe('user');
    expect(fin[0]!.functions).toHaveLength(15);
    const q = loadCategory(BFCL_DATA, 'memory_kv').cases.find((c) => c.raw.get('scenario') === 'finance')!;
    expect(q.raw.get('depends_on')).toEqual(fin.map((c) => c.id));
    expect(() => loadMemoryPrereqs(BFCL_DATA, 'web_search_base')).toThrow(UserError);
  });

  it('format_sensitivity gives the 200 listed entries from their own categories', () => {
    const fs = loadCategory(BFCL_DATA, 'format_sensitivity');
    expect(fs.problems).toEqual([]);
    expect(fs.cases).toHaveLength(200);
    expect(new Set(fs.cases.map((c) => c.category)).size).toBe(8);
    expect(fs.answers.size).toBe(200);
  });

  it('retired executable categories load from unused_datasets/', () => {
    for (const [name, n] of [['exec_simple', 100], ['exec_multiple', 50], ['exec_parallel', 50], ['exec_parallel_multiple', 40], ['rest', 70]] as const) {
      const r = loadCategory(BFCL_DATA, name);
      expect(r.problems).toEqual([]);
      expect(r.cases).toHaveLength(n);
      expect(r.answers.size).toBe(n);
    }
    expect(loadCategory(BFCL_DATA, 'exec_simple').answers.get('exec_simple_0')!.raw.get('ground_truth')).toEqual(['calc_binomial_probability(n=20, k=5, p=0.6)']);
  });
});

describe('bad input', () => {
  it('a malformed line is reported with file:line and the other entries load', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'possible_answer'));
    cpSync(join(BFCL_DATA, 'possible_answer', 'BFCL_v4_simple_python.json'), join(dir, 'possible_answer', 'BFCL_v4_simple_python.json'));
    const lines = readFileSync(join(BFCL_DATA, 'BFCL_v4_simple_python.json'), 'utf8').split('\n');
    lines[4] = lines[4]!.slice(0, 40); // line 5 cut in the middle
    lines[9] = '{"question": [[{"role": "user", "content": "no id"}]], "function": []}'; // line 10: no id
    const file = join(dir, 'BFCL_v4_simple_python.json');
    writeFileSync(file, lines.join('\n'));
    const { cases, answers, problems } = loadCategory(dir, 'simple_python');
    expect(cases).toHaveLength(398);
    expect(cases.some((c) => c.id === 'simple_python_4')).toBe(false);
    expect(cases.some((c) => c.id === 'simple_python_5')).toBe(true);
    expect(problems.find((p) => p.line === 5)).toMatchObject({ file, message: expect.stringMatching(/not valid JSON/) });
    expect(problems.find((p) => p.line === 10)).toMatchObject({ file, message: expect.stringMatching(/no string "id"/) });
    // The orphaned ground truth is named too.
    expect(problems.some((p) => p.message.includes('simple_python_4 has no question entry'))).toBe(true);
    expect(answers.get('simple_python_5')).toBeDefined();
  });

  it('a missing data folder says what to run', () => {
    const e = thrown(() => loadCategory(join(tempDir(), 'nope'), 'simple_python'));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('fcbench data pull');
    expect(e.message).toContain('--data ../shared/bfcl-data');
  });

  it('a missing file names the file', () => {
    const dir = tempDir();
    cpSync(join(BFCL_DATA, 'BFCL_v4_simple_python.json'), join(dir, 'BFCL_v4_simple_python.json'));
    const e = thrown(() => loadCategory(dir, 'simple_python'));
    expect(e.message).toContain(join(dir, 'possible_answer', 'BFCL_v4_simple_python.json'));
    expect(e.message).toContain('fcbench data pull');
  });

  it('an unknown category lists the valid ones', () => {
    const e = thrown(() => loadCategory(BFCL_DATA, 'java'));
    expect(e.message).toMatch(/unknown test category "java"/);
    expect(e.message).toContain('simple_java');
  });
});

describe('resolveDataDir', () => {
  it('uses the flag, else datasets/bfcl-v4 under the project root', () => {
    expect(resolveDataDir()).toBe(DEFAULT_DATA_DIR);
    expect(DEFAULT_DATA_DIR.endsWith(join('datasets', 'bfcl-v4'))).toBe(true);
    expect(readFileSync(join(DEFAULT_DATA_DIR, '..', 'manifest.json'), 'utf8')).toContain('"files"');
    expect(resolveDataDir(BFCL_DATA)).toBe(BFCL_DATA);
    const rel = resolveDataDir('some/dir');
    expect(isAbsolute(rel)).toBe(true);
    expect(rel).toBe(join(process.cwd(), 'some', 'dir'));
  });
});
