import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFontPath } from '../../src/report/font.js';
import { ROOT } from '../fixtures/paths.js';

/**
 * Render text in a child process where /usr/share/fonts (the folder @napi-rs/canvas scans) is
 * an empty tmpfs, via an unprivileged mount namespace. A control string in an unknown family must
 * draw nothing there (proves no installed font is reachable); the bundled font must draw text.
 */
const CHILD = `
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
const dark = (family) => {
  const c = createCanvas(300, 60); const g = c.getContext('2d'); g.lang = 'en';
  g.fillStyle = '#fff'; g.fillRect(0, 0, 300, 60); g.fillStyle = '#000';
  g.font = '28px "' + family + '"'; g.fillText('Accuracy 97%', 8, 40);
  const d = g.getImageData(0, 0, 300, 60).data; let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] < 128) n++;
  return n;
};
const installed = GlobalFonts.families.length;
const before = dark('NoSuchFamily');
GlobalFonts.registerFromPath(process.env.FONT, 'FcbenchSans');
console.log(JSON.stringify({ installed, control: before, bundled: dark('FcbenchSans') }));
`;

const canUnshare = spawnSync('unshare', ['-rm', 'true']).status === 0;

describe('chart font', () => {
  it('is bundled as a TrueType file', () => {
    const p = bundledFontPath();
    expect(existsSync(p)).toBe(true);
    expect([...readFileSync(p).subarray(0, 4)]).toEqual([0, 1, 0, 0]);
  });

  it.skipIf(!canUnshare)('draws text with no system fonts available', () => {
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs none /usr/share/fonts && exec node --input-type=module -e "$CHILD"'], {
      cwd: ROOT,
      env: { ...process.env, CHILD, FONT: bundledFontPath(), DISABLE_SYSTEM_FONTS_LOAD: '1', HOME: join(ROOT, '.cache') },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const res = JSON.parse(r.stdout) as { installed: number; control: number; bundled: number };
    expect(res.installed).toBe(0);
    expect(res.control).toBe(0);
    expect(res.bundled).toBeGreaterThan(300);
  });
});
