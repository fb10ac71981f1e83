/** The JSON summary (machine-readable twin of the Markdown leaderboard). No timestamps: same input, same bytes. */
import type { Report } from './report-model.js';

export function renderJsonSummary(r: Report): string {
  return JSON.stringify(
    {
      profile: r.profile,
      categories: r.categories,
      models: r.models.map((m, i) => ({
        rank: i + 1,
        model: m.model,
        displayName: m.displayName,
        overall: m.overall,
        headlines: Object.fromEntries(m.headlines.map((h) => [h.label, h.value])),
        categories: Object.fromEntries(
          m.diagnosis.map((d) => [
            d.category,
            { accuracy: d.accuracy, correct: d.correct, total: d.total, failed: d.failed, couldNotBeParsed: d.unparsed, answeredWrong: d.wrong, notListed: d.unlisted, byGroup: d.byGroup, byErrorType: d.byType },
          ]),
        ),
      })),
      problems: r.problems,
    },
    null,
    2,
  ) + '\n';
}
