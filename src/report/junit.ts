/**
 * JUnit XML: one <testsuite> per (model, category), one <testcase> per entry; failed entries carry
 * their error type and message. Passed entries are not in score files, so their ids come from the
 * header's "ids" field, else from `<category>_<n>` when the failed ids have that shape; otherwise
 * they are numbered placeholders (documented in the report command's help).
 */
import type { Report } from './report-model.js';
import type { CategoryScoreFile } from './score-folder.js';

const xml = (s: string): string =>
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Ids of the passed entries of a category, as well as they can be known. */
export function passedIds(f: CategoryScoreFile): string[] {
  const failed = new Set(f.failures.map((e) => e.id));
  const passedCount = f.header.correctCount;
  if (f.header.ids) return f.header.ids.filter((id) => !failed.has(id)).slice(0, passedCount);
  const prefix = `${f.category}_`;
  if ([...failed].every((id) => id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length)))) {
    const out: string[] = [];
    for (let i = 0; i < f.header.totalCount && out.length < passedCount; i++) if (!failed.has(prefix + i)) out.push(prefix + i);
    if (out.length === passedCount) return out;
  }
  return Array.from({ length: passedCount }, (_, k) => `${f.category} passed #${k + 1} (id not recorded)`);
}

export function renderJunit(r: Report): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const m of r.models) {
    for (const c of r.categories) {
      const f = m.folder.categories[c];
      if (!f) continue;
      const cases: string[] = [];
      const cls = xml(`${m.model}.${c}`);
      for (const e of f.failures) {
        const msg = e.errors.join('\n');
        cases.push(`    <testcase classname="${cls}" name="${xml(e.id)}"><failure type="${xml(e.errorType)}" message="${xml(`${e.errorType}: ${msg}`.slice(0, 1000))}">${xml(msg)}</failure></testcase>`);
      }
      const unlisted = f.header.totalCount - f.header.correctCount - f.failures.length;
      for (let k = 1; k <= unlisted; k++)
        cases.push(`    <testcase classname="${cls}" name="${xml(`${c} failed #${k} (not listed in score file)`)}"><failure type="unlisted" message="counted as failed by the score-file header, not listed in the file"/></testcase>`);
      for (const id of passedIds(f)) cases.push(`    <testcase classname="${cls}" name="${xml(id)}"/>`);
      const nFail = f.header.totalCount - f.header.correctCount;
      tests += f.header.totalCount;
      failures += nFail;
      suites.push(`  <testsuite name="${cls}" tests="${f.header.totalCount}" failures="${nFail}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="fcbench ${r.profile}" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}
