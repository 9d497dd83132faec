#!/usr/bin/env node
// Dual ESM + CJS build of one workspace package with plain `tsc` (tsup is unmaintained).
// Run from the package directory: `node ../../scripts/build-package.mjs`.
// dist/esm is ESM (package "type": "module"), dist/cjs gets its own package.json marking it CommonJS.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const cwd = process.cwd();
rmSync(join(cwd, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (existsSync(join(cwd, 'tsconfig.cjs.json'))) {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.cjs.json'], { stdio: 'inherit' });
  mkdirSync(join(cwd, 'dist/cjs'), { recursive: true });
  writeFileSync(join(cwd, 'dist/cjs/package.json'), '{ "type": "commonjs" }\n');
}
