/**
 * fcbench as a library: the same pieces the CLI uses.
 *
 *   import { loadCategory, getFormat, scoreEntry, evaluate, generate } from 'fcbench';
 */

// Python value semantics and JSON the Python way.
export { PyDict, PyFloat, PyTuple, pyEquals, pyTypeName, type PyValue } from './core/pyvalue.js';
export { dumpsPyJson, parsePyJson } from './core/pyjson.js';
export { pyRepr } from './core/pyrepr.js';
export type { Call, Case, ExpectedCall, FunctionDoc, PossibleAnswer, Verdict } from './core/types.js';
export { DecodeError, type Backend, type BackendReply, type Format, type Language, type ModelRequest, type Sampling } from './core/format.js';
export { EXIT, UserError } from './core/errors.js';

// Data.
export { categoryInfo, expandCategories, languageOf, resultFilePath, scoreFilePath, CATEGORIES } from './data/categories.js';
export { loadCategory, resolveDataDir } from './data/dataset.js';
export { readResultFile, findResultFiles } from './data/results.js';
export { loadSuite } from './data/suite.js';

// Decoders, formats, checkers.
export { decodePythonCalls } from './decode/python-calls.js';
export { decodeJavaCalls } from './decode/java.js';
export { decodeJavaScriptCalls } from './decode/javascript.js';
export { formatNames, getFormat } from './formats/index.js';
export { checkAst } from './check/ast.js';
export { checkRelevance } from './check/relevance.js';
export { checkExecEntry, computeExpected } from './check/exec/checker.js';
export { bfclRegistry } from './check/exec/library.js';

// Scoring and leaderboards.
export { scoreEntry } from './score/entry.js';
export { scoreCategory } from './score/category.js';
export { buildLeaderboards, type ModelScores, type Profile } from './score/leaderboard.js';

// Running.
export { generate, type GenerateOptions } from './run/generate.js';
export { evaluate, type EvaluateOptions } from './run/evaluate.js';
export { evaluateV1 } from './run/evaluate-v1.js';
export { mergeShards } from './run/merge.js';
export { resolveModelConfig } from './run/model-config.js';

// Reports.
export { readScoresDir } from './report/score-folder.js';
export { buildReport } from './report/report-model.js';
export { writeReport } from './report/write-report.js';
export { compareFolders, regressionGate } from './report/compare.js';
