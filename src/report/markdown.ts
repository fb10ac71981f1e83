/** The Markdown leaderboard (README, PR comment, GitHub step summary). */
import { ERROR_GROUP_LABELS, ERROR_GROUPS } from './diagnosis.js';
import { pct, type Report } from './report-model.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]): string => `| ${cells.map(esc).join(' | ')} |`;
const sep = (n: number, firstLeft = 2): string => `|${Array.from({ length: n }, (_, i) => (i < firstLeft ? ' --- ' : ' ---: ')).join('|')}|`;

export function renderMarkdown(r: Report, opts: { title?: string; details?: boolean } = {}): string {
  const out: string[] = [`## ${opts.title ?? 'fcbench leaderboard'} (${r.profile})`, ''];
  const heads = r.models[0]?.headlines.map((h) => h.label) ?? [];
  out.push(row(['Rank', 'Model', 'Overall', ...heads]), sep(3 + heads.length));
  r.models.forEach((m, i) => out.push(row([String(i + 1), m.displayName, pct(m.overall), ...m.headlines.map((h) => pct(h.value))])));
  out.push('', '### Accuracy per category', '');
  out.push(row(['Category', ...r.models.map((m) => m.displayName)]), sep(1 + r.models.length, 1));
  for (const c of r.categories) {
    out.push(row([c, ...r.models.map((m) => {
      const d = m.diagnosis.find((x) => x.category === c);
      return d ? `${pct(d.accuracy)} (${d.correct}/${d.total})` : 'N/A';
    })]));
  }
  out.push('', '### Diagnosis: could not be parsed vs answered wrong', '');
  for (const m of r.models) {
    out.push(`**${esc(m.displayName)}**`, '');
    out.push(row(['Category', 'Accuracy', 'Failed', 'Output could not be parsed', 'Model answered wrong', ...(m.diagnosis.some((d) => d.unlisted) ? ['Not listed'] : [])]), sep(m.diagnosis.some((d) => d.unlisted) ? 6 : 5, 1));
    for (const c of r.categories) {
      const d = m.diagnosis.find((x) => x.category === c);
      if (!d) continue;
      out.push(row([c, pct(d.accuracy), String(d.failed), String(d.unparsed), String(d.wrong), ...(m.diagnosis.some((x) => x.unlisted) ? [String(d.unlisted)] : [])]));
    }
    out.push('');
    if (opts.details !== false) {
      const totals = Object.fromEntries(ERROR_GROUPS.map((g) => [g, m.diagnosis.reduce((s, d) => s + d.byGroup[g], 0)]));
      out.push(`Failures by kind: ${ERROR_GROUPS.filter((g) => totals[g]).map((g) => `${ERROR_GROUP_LABELS[g]} ${totals[g]}`).join(', ') || 'none'}`, '');
    }
  }
  if (r.problems.length) {
    out.push('### Problems reading score files', '');
    for (const p of r.problems.slice(0, 20)) out.push(`- ${esc(p.file)}:${p.line}: ${esc(p.message)}`);
    out.push('');
  }
  return out.join('\n');
}
