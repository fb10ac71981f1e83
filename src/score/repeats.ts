/** Stability over repeated runs of the same entries (`fcbench run --repeats N`). */

export interface RepeatVerdicts {
  /** Category → entry id → valid, one map per repeat. */
  categories: Map<string, Map<string, boolean>>;
}

export interface CategoryStability {
  category: string;
  /** Accuracy of each repeat, 0..1. */
  accuracies: number[];
  mean: number;
  /** Sample standard deviation (0 with a single repeat). */
  std: number;
  /** Entries present in every repeat whose verdict was not always the same. */
  flipped: string[];
  /** Entries scored in every repeat. */
  entries: number;
}

export function stability(repeats: readonly RepeatVerdicts[]): CategoryStability[] {
  const names = [...new Set(repeats.flatMap((r) => [...r.categories.keys()]))].sort();
  return names.map((category) => {
    const maps = repeats.map((r) => r.categories.get(category) ?? new Map<string, boolean>());
    const accuracies = maps.map((m) => (m.size ? [...m.values()].filter(Boolean).length / m.size : 0));
    const mean = accuracies.reduce((s, x) => s + x, 0) / accuracies.length;
    const std = accuracies.length > 1 ? Math.sqrt(accuracies.reduce((s, x) => s + (x - mean) ** 2, 0) / (accuracies.length - 1)) : 0;
    const common = [...maps[0]!.keys()].filter((id) => maps.every((m) => m.has(id)));
    const flipped = common.filter((id) => new Set(maps.map((m) => m.get(id))).size > 1);
    return { category, accuracies, mean, std, flipped, entries: common.length };
  });
}
