/** Plain-text and Markdown renderings of a Comparison and of gate failures. */
import { fmtP, pctx, type CategoryComparison, type Comparison, type GateFailure } from './compare.js';

const MAX_IDS = 25;
const ids = (xs: string[]): string => (xs.length === 0 ? '—' : xs.length > MAX_IDS ? `${xs.slice(0, MAX_IDS).join(', ')}, … (+${xs.length - MAX_IDS})` : xs.join(', '));
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
const ci = (c: CategoryComparison): string => (c.ci ? `[${signed(c.ci.low)}, ${signed(c.ci.high)}]` : 'n/a');

export function renderComparisonText(cmp: Comparison): string {
  const lines = [`Comparing ${cmp.base} (base) → ${cmp.cand} (candidate)`, ''];
  const head = ['category', 'n', 'base', 'cand', 'Δ points', '95% CI', 'lost', 'gained', 'McNemar p'];
  const rows = [...cmp.categories, cmp.overall].map((c) => [c.category, String(c.n), pctx(c.baseAccuracy), pctx(c.candAccuracy), signed(c.deltaPoints), ci(c), String(c.lost.length), String(c.gained.length), c.pValue === null ? 'n/a' : fmtP(c.pValue)]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]): string => r.map((x, i) => (i === 0 ? x.padEnd(w[i]!) : x.padStart(w[i]!))).join('  ');
  lines.push(fmt(head), ...rows.map(fmt), '');
  for (const c of cmp.categories) {
    if (c.lost.length) lines.push(`${c.category}: newly failing (${c.lost.length}): ${ids(c.lost)}`);
    if (c.gained.length) lines.push(`${c.category}: newly passing (${c.gained.length}): ${ids(c.gained)}`);
  }
  if (cmp.onlyInBase.length) lines.push(`only in base: ${cmp.onlyInBase.join(', ')}`);
  if (cmp.onlyInCand.length) lines.push(`only in candidate: ${cmp.onlyInCand.join(', ')}`);
  for (const w2 of cmp.warnings) lines.push(`warning: ${w2}`);
  return lines.join('\n');
}

export function renderComparisonMarkdown(cmp: Comparison, failures: GateFailure[] | undefined): string {
  const out = [`## fcbench compare: ${cmp.base} → ${cmp.cand}`, ''];
  out.push('| Category | n | Base | Candidate | Δ points | 95% CI | Lost | Gained | McNemar p |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const c of [...cmp.categories, cmp.overall]) out.push(`| ${c.category} | ${c.n} | ${pctx(c.baseAccuracy)} | ${pctx(c.candAccuracy)} | ${signed(c.deltaPoints)} | ${ci(c)} | ${c.lost.length} | ${c.gained.length} | ${c.pValue === null ? 'n/a' : fmtP(c.pValue)} |`);
  out.push('');
  if (failures) {
    if (failures.length === 0) out.push('**Regression gate passed.**', '');
    else {
      out.push('**Regression gate failed:**', '');
      for (const f of failures) out.push(`- \`${f.category}\`: ${f.reason}${f.lost.length ? ` — newly failing: ${ids(f.lost)}` : ''}`);
      out.push('');
    }
  }
  return out.join('\n');
}

export function renderGateFailures(failures: GateFailure[]): string {
  return [
    `Regression gate failed in ${failures.length} categor${failures.length === 1 ? 'y' : 'ies'}:`,
    ...failures.map((f) => `  ${f.category}: ${f.reason}${f.lost.length ? `\n    newly failing ids: ${ids(f.lost)}` : ''}`),
  ].join('\n');
}
