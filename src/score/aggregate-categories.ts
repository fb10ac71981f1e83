/**
 * The category facts the leaderboard aggregation needs (bfcl-spec.md §1.2, §1.4, §9.3), kept here
 * so score/ stays free of data/ (src/data/categories.ts holds the full table for the pipeline).
 */

/** v4 scoring categories → official entry count (used for missing categories, §12). */
export const V4_COUNTS: Readonly<Record<string, number>> = Object.freeze({
  simple_python: 400,
  simple_java: 100,
  simple_javascript: 50,
  multiple: 200,
  parallel: 200,
  parallel_multiple: 200,
  irrelevance: 240,
  live_simple: 258,
  live_multiple: 1053,
  live_parallel: 16,
  live_parallel_multiple: 24,
  live_irrelevance: 884,
  live_relevance: 16,
  multi_turn_base: 200,
  multi_turn_miss_func: 200,
  multi_turn_miss_param: 200,
  multi_turn_long_context: 200,
  web_search_base: 100,
  web_search_no_snippet: 100,
  memory_kv: 155,
  memory_vector: 155,
  memory_rec_sum: 155,
});

/** v1 (Feb–Aug 2024) leaderboard categories → entry count (§1.4); 1 700 in all. */
export const V1_COUNTS: Readonly<Record<string, number>> = Object.freeze({
  simple: 400,
  multiple_function: 200,
  parallel_function: 200,
  parallel_multiple_function: 200,
  java: 100,
  javascript: 50,
  relevance: 240,
  executable_simple: 100,
  executable_multiple_function: 50,
  executable_parallel_function: 50,
  executable_parallel_multiple_function: 40,
  rest: 70,
});

/** The v4 category group a category belongs to (§1.3), for reports. */
export function v4GroupOf(category: string): 'non_live' | 'live' | 'multi_turn' | 'agentic' | 'format_sensitivity' | 'other' {
  if (category.includes('format_sensitivity')) return 'format_sensitivity';
  if (category.includes('multi_turn')) return 'multi_turn';
  if (category.includes('web_search') || category.includes('memory')) return 'agentic';
  if (category.includes('live')) return 'live';
  if (category in V4_COUNTS) return 'non_live';
  return 'other';
}

/** The 26 format-sensitivity prompt configurations, in BFCL's column order (§9.3). */
export const FORMAT_SENSITIVITY_CONFIGS: readonly string[] = Object.freeze(buildConfigs());

function buildConfigs(): string[] {
  const out: string[] = [];
  for (const ret of ['python', 'json', 'verbose_xml', 'concise_xml'])
    for (const tag of ['True', 'False'])
      for (const doc of ['python', 'xml', 'json']) out.push(`ret_fmt=${ret}&tool_call_tag=${tag}&func_doc_fmt=${doc}&prompt_fmt=plaintext&style=classic`);
  out.push('ret_fmt=python&tool_call_tag=False&func_doc_fmt=json&prompt_fmt=markdown&style=classic');
  out.push('ret_fmt=python&tool_call_tag=False&func_doc_fmt=json&prompt_fmt=plaintext&style=experimental');
  return out;
}
