/**
 * The data every report format is drawn from: the leaderboard tables of a profile plus, per model,
 * the headline aggregates and the per-category diagnosis. Built once from the score folders.
 */
import { V1_COUNTS, V4_COUNTS } from '../score/aggregate-categories.js';
import { buildLeaderboards, type LeaderboardTable, type ModelScores, type Profile } from '../score/leaderboard.js';
import { aggregateV1 } from '../score/leaderboard-v1.js';
import { aggregateV4 } from '../score/leaderboard-v4.js';
import { diagnoseModel, type CategoryDiagnosis } from './diagnosis.js';
import { toModelScores, type ModelScoreFolder, type ScoreProblem } from './score-folder.js';

export interface Headline {
  label: string;
  /** 0..1, or null when shown N/A. */
  value: number | null;
}

export interface ModelReport {
  model: string;
  displayName: string;
  overall: number;
  headlines: Headline[];
  diagnosis: CategoryDiagnosis[];
  folder: ModelScoreFolder;
}

export interface Report {
  profile: Profile;
  tables: Record<string, LeaderboardTable>;
  /** Scoring categories in the profile's order, then any others found, as reported. */
  categories: string[];
  /** Best overall first. */
  models: ModelReport[];
  problems: ScoreProblem[];
}

/** The profile a set of folders was written for: v1 layout → bfcl-v1, else bfcl-v4. */
export function inferProfile(folders: readonly ModelScoreFolder[]): Profile {
  return folders.every((f) => f.layout === 'v1') ? 'bfcl-v1' : 'bfcl-v4';
}

function headlines(profile: Profile, m: ModelScores): { overall: number; headlines: Headline[] } {
  const v = (a: { accuracy: number; present: boolean }): number | null => (a.present ? a.accuracy : null);
  if (profile === 'bfcl-v1') {
    const a = aggregateV1(m);
    return { overall: a.overall.accuracy, headlines: [{ label: 'AST Summary', value: v(a.astSummary) }, { label: 'Exec Summary', value: v(a.execSummary) }, { label: 'Relevance', value: v(a.categories.relevance!) }] };
  }
  const a = aggregateV4(m);
  return {
    overall: a.overall.accuracy,
    headlines: [
      { label: 'Non-Live', value: a.overallNonLive.accuracy },
      { label: 'Live', value: a.overallLive.accuracy },
      { label: 'Irrelevance', value: v(a.irrelevance) },
      { label: 'Multi-Turn', value: a.overallMultiTurn.accuracy },
      { label: 'Agentic', value: a.overallAgentic.accuracy },
      { label: 'Relevance', value: v(a.relevance) },
    ],
  };
}

export function buildReport(folders: readonly ModelScoreFolder[], profile: Profile, meta: (model: string) => Partial<ModelScores> = () => ({})): Report {
  const scores = folders.map((f) => toModelScores(f, meta(f.model)));
  const tables = buildLeaderboards(profile, scores);
  const order = Object.keys(profile === 'bfcl-v1' ? V1_COUNTS : V4_COUNTS);
  const found = new Set(folders.flatMap((f) => Object.keys(f.categories)).filter((c) => c !== 'format_sensitivity'));
  const categories = [...order.filter((c) => found.has(c)), ...[...found].filter((c) => !order.includes(c)).sort()];
  const models = folders
    .map((f, i) => {
      const s = scores[i]!;
      return { model: f.model, displayName: s.displayName ?? f.model, ...headlines(profile, s), diagnosis: diagnoseModel(f), folder: f };
    })
    .sort((a, b) => b.overall - a.overall || (a.model < b.model ? -1 : 1));
  return { profile, tables, categories, models, problems: folders.flatMap((f) => f.problems) };
}

export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? 'N/A' : `${(x * 100).toFixed(2)}%`);
