// `npm start` and the CLIs run compiled code: rebuild only when a source is newer than the last build, so a
// second start on an unchanged tree skips `nest build` (~40 s here) and serves in a few seconds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const SOURCES = [
  'apps',
  'libs',
  'migrations',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
  'package-lock.json',
];

/** The newest mtime of the compiled sources under `path` (specs are not compiled, so they do not count). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.spec.ts') ? 0 : stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(child));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) latest = Math.max(latest, newest(child));
  }
  return latest;
}

const apps = process.argv.slice(2);
if (apps.length === 0) throw new Error('usage: node scripts/build-if-stale.mjs <app>...   (api, worker)');
const sourcesChanged = Math.max(
  ...SOURCES.map((s) => join(root, s))
    .filter(existsSync)
    .map(newest),
);
for (const app of apps) {
  const output = join(root, 'dist', 'apps', app, 'src', 'main.js');
  if (existsSync(output) && statSync(output).mtimeMs > sourcesChanged) continue;
  console.error(`Building ${app}: a source is newer than ${output}`);
  execFileSync(process.execPath, [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build', app], {
    cwd: root,
    stdio: 'inherit',
  });
}
