/**
 * The font charts are drawn with. Bundled: assets/fonts/DejaVuSans.ttf (Bitstream Vera licence,
 * see DejaVuSans-LICENSE.txt), so text renders on a machine with no system fonts. Another TTF/OTF
 * can be named with the FCBENCH_FONT environment variable or the `fontPath` option.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';
import { UserError } from '../core/errors.js';

/** The family name charts use; no OS installs a font under this name. */
export const CHART_FONT_FAMILY = 'FcbenchSans';

/** assets/fonts/DejaVuSans.ttf from src/report/ or dist/src/report/. */
export function bundledFontPath(): string {
  for (const rel of ['../../assets/fonts/DejaVuSans.ttf', '../../../assets/fonts/DejaVuSans.ttf']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  return fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url));
}

let registered: string | undefined;

/** Register the chart font once per process; returns the family name to use. */
export function ensureChartFont(fontPath = process.env.FCBENCH_FONT || bundledFontPath()): string {
  if (registered === fontPath) return CHART_FONT_FAMILY;
  if (!existsSync(fontPath)) throw new UserError(`chart font not found: ${fontPath} (set FCBENCH_FONT to a .ttf file)`);
  const key = GlobalFonts.registerFromPath(fontPath, CHART_FONT_FAMILY);
  if (!key) throw new UserError(`chart font could not be loaded: ${fontPath}`);
  registered = fontPath;
  return CHART_FONT_FAMILY;
}
