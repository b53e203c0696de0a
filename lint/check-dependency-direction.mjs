// Dependencies point one way: temporal <- diplomacy <- projections <- apps; proposals reads temporal and diplomacy; event-store knows no domain;
// libs never import apps; apps and libs import a lib only through its index (`@libs/<name>`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const allowed = {
  temporal: [],
  'event-store': [],
  diplomacy: ['temporal', 'event-store'],
  platform: ['event-store'],
  projections: ['diplomacy', 'temporal', 'event-store', 'platform'],
  proposals: ['diplomacy', 'temporal'],
};

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

const importPattern = /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems = [];

for (const area of ['libs', 'apps']) {
  for (const unit of readdirSync(join(root, area))) {
    for (const file of sourceFiles(join(root, area, unit))) {
      const text = readFileSync(file, 'utf8');
      const where = relative(root, file);
      for (const match of text.matchAll(importPattern)) {
        const spec = match[1] ?? match[2];
        const lib = /^@libs\/([^/]+)(\/.*)?$/.exec(spec);
        if (lib?.[2]) problems.push(`${where}: deep import '${spec}': import '@libs/${lib[1]}' (its index)`);
        if (lib && area === 'libs' && lib[1] !== unit && !allowed[unit]?.includes(lib[1])) {
          problems.push(`${where}: libs/${unit} must not depend on libs/${lib[1]}`);
        }
        if (spec.startsWith('.')) {
          const target = relative(root, resolve(file, '..', spec)).split(sep);
          const [targetArea, targetUnit] = target;
          if (area === 'libs' && targetArea === 'apps')
            problems.push(`${where}: a lib must not import an app ('${spec}')`);
          if (targetArea === 'libs' && targetUnit !== unit) {
            problems.push(`${where}: import libs/${targetUnit} as '@libs/${targetUnit}', not by relative path`);
          }
          if (area === 'apps' && targetArea === 'apps' && targetUnit !== unit) {
            problems.push(`${where}: apps/${unit} must not import apps/${targetUnit}`);
          }
        }
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`Dependency direction: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Dependency direction: ok');
