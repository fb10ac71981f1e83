/**
 * One self-contained HTML report: inline CSS, charts as data: URIs, no scripts, nothing fetched.
 * Sections: leaderboard tables, charts, diagnosis, then one section per model with its failed entries.
 */
import { dumpsPyJson } from '../core/pyjson.js';
import { PyDict, type PyValue } from '../core/pyvalue.js';
import type { ChartImage } from './charts.js';
import { ERROR_GROUP_LABELS, ERROR_GROUPS, errorGroup } from './diagnosis.js';
import { pct, type Report } from './report-model.js';
import type { FailedEntry } from './score-folder.js';

const h = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const anchor = (s: string): string => 'm-' + s.replace(/[^A-Za-z0-9_-]/g, '_');

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#222;max-width:1400px}
table{border-collapse:collapse;margin:1rem 0;font-size:13px}th,td{border:1px solid #ccc;padding:3px 6px;text-align:right}
th{background:#f3f3f3}td:first-child,th:first-child,td.l{text-align:left}.scroll{overflow-x:auto}
img{max-width:100%;border:1px solid #eee;margin:.5rem 0}details{margin:.3rem 0;border:1px solid #ddd;padding:.3rem .6rem;border-radius:4px}
summary{cursor:pointer}pre{white-space:pre-wrap;word-break:break-word;background:#fafafa;padding:.4rem;max-height:24rem;overflow:auto;font-size:12px}
.bad{color:#b00020}.muted{color:#777}nav a{margin-right:1rem}`;

const MAX_TEXT = 6000;
function show(v: PyValue | undefined): string {
  if (v === undefined) return '—';
  const s = typeof v === 'string' ? v : dumpsPyJson(v, { indent: 1, ensureAscii: false });
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}\n… (${s.length - MAX_TEXT} more characters)` : s;
}

/** The user question(s) of an entry's prompt, without the function docs. */
function question(prompt: PyValue | undefined): PyValue | undefined {
  if (prompt instanceof PyDict) return prompt.get('question') ?? prompt;
  return prompt;
}

function entryHtml(e: FailedEntry): string {
  const group = ERROR_GROUP_LABELS[errorGroup(e.errorType)];
  return `<details><summary><b>${h(e.id)}</b> — <span class="bad">${h(e.errorType)}</span> <span class="muted">(${h(group)})</span></summary>
<p><b>Error</b></p><pre>${h(e.errors.join('\n') || '—')}</pre>
<p><b>Question</b></p><pre>${h(show(question(e.prompt)))}</pre>
<p><b>Expected</b></p><pre>${h(show(e.expected))}</pre>
<p><b>Raw output</b></p><pre>${h(show(e.raw))}</pre>
<p><b>Decoded calls</b></p><pre>${h(show(e.decoded))}</pre></details>`;
}

export function renderHtml(r: Report, charts: readonly ChartImage[], opts: { title?: string; maxEntriesPerCategory?: number } = {}): string {
  const title = opts.title ?? `fcbench report (${r.profile})`;
  const maxEntries = opts.maxEntriesPerCategory ?? 200;
  const parts: string[] = [];
  parts.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${h(title)}</title><style>${CSS}</style></head><body>`);
  parts.push(`<h1>${h(title)}</h1><nav><a href="#leaderboard">Leaderboard</a><a href="#charts">Charts</a><a href="#diagnosis">Diagnosis</a>${r.models.map((m) => `<a href="#${anchor(m.model)}">${h(m.displayName)}</a>`).join('')}</nav>`);

  const heads = r.models[0]?.headlines.map((x) => x.label) ?? [];
  parts.push(`<h2 id="leaderboard">Leaderboard</h2><table><tr><th>Rank</th><th>Model</th><th>Overall</th>${heads.map((x) => `<th>${h(x)}</th>`).join('')}</tr>`);
  r.models.forEach((m, i) => parts.push(`<tr><td>${i + 1}</td><td class="l"><a href="#${anchor(m.model)}">${h(m.displayName)}</a></td><td>${pct(m.overall)}</td>${m.headlines.map((x) => `<td>${pct(x.value)}</td>`).join('')}</tr>`));
  parts.push('</table>');
  for (const [name, t] of Object.entries(r.tables)) {
    parts.push(`<details><summary>${h(name)}</summary><div class="scroll"><table><tr>${t.header.map((c) => `<th>${h(c)}</th>`).join('')}</tr>`);
    for (const row of t.rows) parts.push(`<tr>${row.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`);
    parts.push('</table></div></details>');
  }

  parts.push('<h2 id="charts">Charts</h2>');
  for (const c of charts) parts.push(`<figure><img alt="${h(c.title)}" width="${c.width}" height="${c.height}" src="data:image/png;base64,${c.png.toString('base64')}"><figcaption>${h(c.title)}</figcaption></figure>`);

  parts.push('<h2 id="diagnosis">Diagnosis: output could not be parsed vs model answered wrong</h2>');
  for (const m of r.models) {
    parts.push(`<h3>${h(m.displayName)}</h3><table><tr><th>Category</th><th>Accuracy</th><th>Correct</th><th>Total</th><th>Could not be parsed</th><th>Answered wrong</th><th>Not listed</th>${ERROR_GROUPS.map((g) => `<th>${h(ERROR_GROUP_LABELS[g])}</th>`).join('')}</tr>`);
    for (const d of m.diagnosis) parts.push(`<tr><td>${h(d.category)}</td><td>${pct(d.accuracy)}</td><td>${d.correct}</td><td>${d.total}</td><td>${d.unparsed}</td><td>${d.wrong}</td><td>${d.unlisted}</td>${ERROR_GROUPS.map((g) => `<td>${d.byGroup[g]}</td>`).join('')}</tr>`);
    parts.push('</table>');
  }

  for (const m of r.models) {
    parts.push(`<section><h2 id="${anchor(m.model)}">${h(m.displayName)} — failed entries</h2>`);
    for (const c of r.categories) {
      const f = m.folder.categories[c];
      if (!f) continue;
      const failed = f.header.totalCount - f.header.correctCount;
      parts.push(`<h3>${h(c)} <span class="muted">${f.header.correctCount}/${f.header.totalCount} correct, ${failed} failed${f.failures.length < failed ? `, ${failed - f.failures.length} not listed in the score file` : ''}</span></h3>`);
      for (const e of f.failures.slice(0, maxEntries)) parts.push(entryHtml(e));
      if (f.failures.length > maxEntries) parts.push(`<p class="muted">… ${f.failures.length - maxEntries} more failed entries in ${h(f.file)}</p>`);
    }
    parts.push('</section>');
  }
  parts.push('</body></html>\n');
  return parts.join('\n');
}
