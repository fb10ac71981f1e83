/**
 * BFCL's accuracy helpers (bfcl-spec.md §12): weighted, unweighted and percentage-weighted means of
 * per-category scores, with the "N/A" display rule for categories that were not evaluated.
 */

/** One category's (or one summary's) score as the aggregation sees it. */
export interface Acc {
  /** 0..1; a missing category counts as 0. */
  accuracy: number;
  /** Entries behind the value: the category's total, or its dataset size when missing (v4). */
  totalCount: number;
  /** False when the category was not evaluated (shown "N/A"). */
  present: boolean;
}

/** Per-category numbers read from a score-file header. */
export interface CategoryResult {
  accuracy: number;
  correctCount: number;
  totalCount: number;
}

function combine(list: readonly Acc[], accuracy: number, naIfMissing: boolean): Acc {
  const totalCount = list.reduce((s, a) => s + a.totalCount, 0);
  const hasNa = list.some((a) => !a.present);
  return { accuracy, totalCount, present: !(hasNa && naIfMissing) };
}

/** Σ accᵢ·nᵢ / Σ nᵢ. BFCL divides by zero when every count is 0; we return 0 there. */
export function weighted(list: readonly Acc[], naIfMissing = true): Acc {
  const n = list.reduce((s, a) => s + a.totalCount, 0);
  const sum = list.reduce((s, a) => s + a.accuracy * a.totalCount, 0);
  return combine(list, n === 0 ? 0 : sum / n, naIfMissing);
}

/** Mean of the accuracies (a missing category counts as 0). */
export function unweighted(list: readonly Acc[], naIfMissing = true): Acc {
  const sum = list.reduce((s, a) => s + a.accuracy, 0);
  return combine(list, list.length === 0 ? 0 : sum / list.length, naIfMissing);
}

/** Σ accᵢ·wᵢ/Σw (weights normalised first, as BFCL does, so float rounding matches). */
export function percentageWeighted(list: readonly Acc[], weights: readonly number[], naIfMissing = true): Acc {
  if (list.length !== weights.length) throw new Error('weights length must match accuracy list');
  const wsum = weights.reduce((s, w) => s + w, 0);
  if (wsum <= 0) throw new Error('sum of weights must be greater than 0');
  let acc = 0;
  list.forEach((a, i) => {
    acc += a.accuracy * (weights[i]! / wsum);
  });
  return combine(list, acc, naIfMissing);
}

/**
 * The score of one category: its header if evaluated, else `{0, missingCount, N/A}`.
 * v4 passes the dataset size as missingCount (#849, 2024-12-21); v1 passes 0.
 */
export function categoryAcc(results: Readonly<Record<string, CategoryResult>>, category: string, missingCount: number): Acc {
  const r = results[category];
  if (r) return { accuracy: r.accuracy, totalCount: r.totalCount, present: true };
  return { accuracy: 0, totalCount: missingCount, present: false };
}
