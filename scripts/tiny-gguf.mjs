#!/usr/bin/env node
// `npm run fixture:tiny-gguf -- OUT.gguf`: writes the tiny llama test model (test/fixtures/tiny-gguf.ts).
// Compiles just the two fixture files into .cache/fixture-dist (no dependency on the rest of the tree).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const out = process.argv[2];
if (!out) {
  console.error('usage: npm run fixture:tiny-gguf -- OUT.gguf');
  process.exit(2);
}
const dist = '.cache/fixture-dist';
const tsc = spawnSync(
  'npx',
  ['tsc', '--outDir', dist, '--rootDir', 'test/fixtures', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--types', 'node', '--strict', '--skipLibCheck', 'test/fixtures/tiny-gguf.ts'],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const { writeTinyGguf } = await import(pathToFileURL(resolve(dist, 'tiny-gguf.js')).href);
const size = writeTinyGguf(out);
console.log(`wrote ${out} (${size} bytes)`);
