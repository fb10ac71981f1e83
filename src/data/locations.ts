/** Where fcbench keeps its own data files: the project (package) root, datasets/, the manifest. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The folder holding package.json (this file is src/data/ or dist/data/, two levels below). */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `datasets/` under the project root: manifest.json and the pulled official files. */
export const DATASETS_DIR = join(PROJECT_ROOT, 'datasets');

/** Where `fcbench data pull` puts the official v4 files, and where loaders look by default. */
export const DEFAULT_DATA_DIR = join(DATASETS_DIR, 'bfcl-v4');

export const MANIFEST_FILE = join(DATASETS_DIR, 'manifest.json');
