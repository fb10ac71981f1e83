/** The three report charts drawn from a Report. */
import { categoryAccuracyChart, errorBreakdownChart, overallRankingChart, type ChartImage, type ChartOptions } from './charts.js';
import { ERROR_GROUP_LABELS, ERROR_GROUPS } from './diagnosis.js';
import type { Report } from './report-model.js';

export function reportCharts(r: Report, opts: ChartOptions = {}): ChartImage[] {
  const perCategory = categoryAccuracyChart(
    r.categories,
    r.models.map((m) => ({ name: m.displayName, accuracy: r.categories.map((c) => m.diagnosis.find((d) => d.category === c)?.accuracy ?? null) })),
    opts,
  );
  const ranking = overallRankingChart(r.models.map((m) => ({ name: m.displayName, overall: m.overall })), opts);
  const errors = errorBreakdownChart(
    ERROR_GROUPS.map((g) => ({ key: g, label: ERROR_GROUP_LABELS[g] })),
    r.models.map((m) => ({ name: m.displayName, counts: Object.fromEntries(ERROR_GROUPS.map((g) => [g, m.diagnosis.reduce((s, d) => s + d.byGroup[g], 0)])) })),
    opts,
  );
  return [perCategory, ranking, errors];
}
