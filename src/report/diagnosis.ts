/**
 * Why entries failed: "the output could not be parsed" (ast_decoder:*, executable_decoder:*) apart
 * from "the model answered wrong", and the error-type breakdown the charts and reports group by.
 */
import type { ModelScoreFolder } from './score-folder.js';

export type ErrorGroup = 'decoder' | 'wrong_function' | 'wrong_values' | 'wrong_count' | 'irrelevance' | 'other';

export const ERROR_GROUPS: readonly ErrorGroup[] = ['decoder', 'wrong_function', 'wrong_values', 'wrong_count', 'irrelevance', 'other'];

export const ERROR_GROUP_LABELS: Readonly<Record<ErrorGroup, string>> = {
  decoder: 'decoder failures',
  wrong_function: 'wrong function',
  wrong_values: 'wrong values',
  wrong_count: 'wrong count',
  irrelevance: 'irrelevance / relevance',
  other: 'other (multi-turn, agentic, unlisted)',
};

/** The group of a BFCL error_type (bfcl-spec.md §5.12, §7, §8.3, §9.2). */
export function errorGroup(errorType: string): ErrorGroup {
  if (errorType.startsWith('ast_decoder:') || errorType.startsWith('executable_decoder:')) return 'decoder';
  if (errorType.startsWith('irrelevance_error:') || errorType.startsWith('relevance_error:') || errorType.startsWith('multi_turn:irrelevance')) return 'irrelevance';
  if (errorType.endsWith(':wrong_count')) return 'wrong_count';
  if (errorType.endsWith(':wrong_func_name')) return 'wrong_function';
  if (
    errorType.startsWith('type_error:') ||
    errorType.startsWith('value_error:') ||
    errorType.startsWith('executable_checker') ||
    errorType.startsWith('executable_checker_rest') ||
    /:(missing_required|unexpected_param|missing_optional|unclear|cannot_find_match)$/.test(errorType)
  )
    return 'wrong_values';
  return 'other';
}

export const isDecoderFailure = (errorType: string): boolean => errorGroup(errorType) === 'decoder';

export interface CategoryDiagnosis {
  category: string;
  total: number;
  correct: number;
  accuracy: number;
  failed: number;
  /** Failed because the output could not be parsed. */
  unparsed: number;
  /** Failed although parsed: the model answered wrong. */
  wrong: number;
  /** Failures the header counts but the file does not list (e.g. header-only copies). */
  unlisted: number;
  byGroup: Record<ErrorGroup, number>;
  byType: Record<string, number>;
}

export function diagnoseModel(folder: ModelScoreFolder): CategoryDiagnosis[] {
  return Object.values(folder.categories)
    .filter((f) => f.category !== 'format_sensitivity')
    .map((f) => {
      const byGroup = Object.fromEntries(ERROR_GROUPS.map((g) => [g, 0])) as Record<ErrorGroup, number>;
      const byType: Record<string, number> = {};
      let unparsed = 0;
      for (const e of f.failures) {
        const g = errorGroup(e.errorType);
        byGroup[g]++;
        byType[e.errorType] = (byType[e.errorType] ?? 0) + 1;
        if (g === 'decoder') unparsed++;
      }
      const failed = f.header.totalCount - f.header.correctCount;
      const unlisted = Math.max(0, failed - f.failures.length);
      byGroup.other += unlisted;
      return {
        category: f.category,
        total: f.header.totalCount,
        correct: f.header.correctCount,
        accuracy: f.header.accuracy,
        failed,
        unparsed,
        wrong: failed - unparsed - unlisted,
        unlisted,
        byGroup,
        byType,
      };
    });
}
