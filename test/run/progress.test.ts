import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from '../../src/run/progress.js';

function sink(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const stream = { isTTY, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => out };
}

describe('progress', () => {
  it('on a terminal: a bar redrawn in place with counts, rate, ETA and errors', () => {
    const s = sink(true);
    const p = createProgress({ stream: s.stream, env: {} });
    p.start(4);
    p.tick(true);
    p.tick(false);
    p.note('a note');
    p.stop();
    const t = s.text();
    expect(t).toContain('\r');
    expect(t).toContain('a note\n');
    expect(t).toMatch(/generate \[############\.{12}\] 2\/4 50% [\d.]+\/s elapsed \d+:\d\d ETA [\d:-]+, 1 inference error/);
    expect(t.endsWith('\n')).toBe(true);
  });

  it('in CI or a pipe: plain lines, no carriage returns', () => {
    const s = sink(true);
    const p = createProgress({ stream: s.stream, env: { CI: 'true' } });
    p.start(2);
    p.tick(true);
    p.tick(true);
    p.stop();
    expect(s.text()).not.toContain('\r');
    expect(s.text().split('\n')).toEqual(['generate: 2 entries to generate', expect.stringMatching(/^generate: 2\/2 100% /), '']);
  });

  it('formats durations', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Infinity)).toBe('--:--');
  });
});
