/**
 * Leaderboard tables per scoring profile. The evaluate and report commands call
 * `buildLeaderboards(profile, models)` and write the result with report/csv.ts.
 */
import type { CategoryResult } from './aggregate.js';
import type { Pricing, Usage } from './leaderboard-cost.js';
import type { LeaderboardTable } from './leaderboard-table.js';
import { buildV1Tables } from './leaderboard-v1.js';
import { buildV4Tables } from './leaderboard-v4.js';

export type { CategoryResult } from './aggregate.js';
export type { LeaderboardTable } from './leaderboard-table.js';
export type { Pricing, Usage } from './leaderboard-cost.js';

export type Profile = 'bfcl-v4' | 'bfcl-v1';
export const PROFILES: readonly Profile[] = ['bfcl-v4', 'bfcl-v1'];

/** Format-sensitivity header fields (§9.3): max delta and std already ×100 and rounded by the scorer. */
export interface FormatSensitivity {
  maxDelta: number;
  std: number;
  /** Config string → accuracy 0..1. */
  configs: Record<string, number>;
}

/** Everything the tables need about one model. */
export interface ModelScores {
  /** Folder name under the score directory (`openai_gpt-oss-120b`). */
  model: string;
  /** Row label; defaults to `model`. */
  displayName?: string;
  url?: string;
  organization?: string;
  license?: string;
  /** Category name (profile's naming: `simple_python` for v4, `simple` for v1) → header numbers. */
  categories: Record<string, CategoryResult>;
  formatSensitivity?: FormatSensitivity;
  /** Latencies and token counts of the result entries evaluated in this run (§12.5). */
  usage?: Usage;
  /** Per-million-token prices; absent for locally served models. */
  pricing?: Pricing;
}

/** File names per profile, in the order BFCL writes them. */
export const LEADERBOARD_FILES: Readonly<Record<Profile, readonly string[]>> = {
  'bfcl-v4': ['data_non_live.csv', 'data_live.csv', 'data_multi_turn.csv', 'data_agentic.csv', 'data_format_sensitivity.csv', 'data_overall.csv'],
  'bfcl-v1': ['data.csv'],
};

/**
 * Build every leaderboard table of a profile. Models are taken in name order before the (stable)
 * ranking sort, as BFCL walks its score folder.
 */
export function buildLeaderboards(profile: Profile, models: readonly ModelScores[]): Record<string, LeaderboardTable> {
  const ordered = [...models].sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
  switch (profile) {
    case 'bfcl-v4':
      return buildV4Tables(ordered);
    case 'bfcl-v1':
      return buildV1Tables(ordered);
  }
}
