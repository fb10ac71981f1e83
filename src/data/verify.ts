/** Re-check a data folder against the manifest: which files are missing, which were modified. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File, type ManifestFile } from './manifest.js';

export type FileState = 'ok' | 'missing' | 'modified';

export interface FileCheck {
  file: ManifestFile;
  state: FileState;
  /** Absolute path in the data folder. */
  path: string;
  /** The sha256 found, for a modified file. */
  actualSha256?: string;
}

export interface VerifyReport {
  checks: FileCheck[];
  ok: FileCheck[];
  missing: FileCheck[];
  modified: FileCheck[];
}

export async function checkFile(dataDir: string, file: ManifestFile): Promise<FileCheck> {
  const path = join(dataDir, ...file.path.split('/'));
  if (!existsSync(path) || !statSync(path).isFile()) return { file, state: 'missing', path };
  const actual = await sha256File(path);
  if (actual === file.sha256) return { file, state: 'ok', path };
  return { file, state: 'modified', path, actualSha256: actual };
}

export async function verifyData(dataDir: string, files: readonly ManifestFile[]): Promise<VerifyReport> {
  const checks: FileCheck[] = [];
  for (const f of files) checks.push(await checkFile(dataDir, f));
  return {
    checks,
    ok: checks.filter((c) => c.state === 'ok'),
    missing: checks.filter((c) => c.state === 'missing'),
    modified: checks.filter((c) => c.state === 'modified'),
  };
}
