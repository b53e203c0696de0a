import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findProjectFile } from '@libs/diplomacy';
import { promisify } from 'node:util';

/*
 * Runs the project's own .dependency-cruiser.cjs and tsconfig.json over a miniature tree: one lib index per lib,
 * each known bypass in a file of its own, and imports that must stay allowed. The rules are path-based, so the
 * fixtures need the real layout; a temporary directory gives them that without touching the work tree.
 */
const root = dirname(findProjectFile('package.json'));
const LIBS = ['temporal', 'event-store', 'diplomacy', 'platform', 'projections'];

const bypasses: Array<{ file: string; source: string; rule: string }> = [
  {
    file: 'libs/event-store/src/type-through-base-url.ts',
    source: "import type { Fact } from 'libs/diplomacy/src/fact';\nexport type F = Fact;\n",
    rule: 'no-base-url',
  },
  {
    file: 'libs/event-store/src/bare-import.ts',
    source: "import '@libs/projections';\n",
    rule: 'layer-event-store',
  },
  {
    file: 'libs/temporal/src/upward.ts',
    source: "export * from '@libs/diplomacy';\n",
    rule: 'layer-temporal',
  },
  {
    file: 'libs/diplomacy/src/relative-into-lib.ts',
    source: "import type { P } from '../../platform/src/p';\nexport type X = P;\n",
    rule: 'layer-diplomacy',
  },
  {
    file: 'libs/projections/src/imports-app.ts',
    source: "export * from '../../../apps/api/src/app';\n",
    rule: 'libs-never-import-apps',
  },
  {
    file: 'apps/api/src/deep-type.ts',
    source: "import type { Fact } from '../../../libs/diplomacy/src/fact';\nexport type F = Fact;\n",
    rule: 'lib-index-only',
  },
  {
    file: 'apps/api/src/deep-alias.ts',
    source: "export * from '@libs/diplomacy/src/fact';\n",
    rule: 'not-to-unresolvable',
  },
  {
    file: 'apps/worker/src/other-app.ts',
    source: "export * from '../../api/src/app';\n",
    rule: 'apps-are-separate',
  },
  {
    file: 'test/deep.spec.ts',
    source: "import type { Fact } from '../libs/diplomacy/src/fact';\nexport type F = Fact;\n",
    rule: 'lib-index-only',
  },
  {
    file: 'test/relative-index.spec.ts',
    source: "export * from '../libs/diplomacy/src';\n",
    rule: 'lib-by-alias',
  },
  {
    file: 'bench/deep.bench.ts',
    source: "export * from '../libs/event-store/src/store';\n",
    rule: 'lib-index-only',
  },
  {
    file: 'migrations/1-uses-domain.ts',
    source: "export * from '@libs/diplomacy';\n",
    rule: 'migrations-know-no-code',
  },
];

const allowed: Array<{ file: string; source: string }> = [
  { file: 'apps/api/src/app.ts', source: "export * from '@libs/projections';\nexport * from './local';\n" },
  { file: 'apps/api/src/local.ts', source: 'export const local = 1;\n' },
  { file: 'libs/diplomacy/src/fact.ts', source: "export type { T as Fact } from '@libs/temporal';\n" },
  { file: 'libs/platform/src/p.ts', source: "export type { S as P } from '@libs/event-store';\n" },
  { file: 'libs/event-store/src/store.ts', source: 'export const store = 1;\n' },
  { file: 'test/allowed.spec.ts', source: "export * from '@libs/diplomacy';\n" },
];

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

const run = promisify(execFile);
let tree: string;
let violations: Violation[];

beforeAll(async () => {
  tree = mkdtempSync(join(tmpdir(), 'annals-depcruise-'));
  copyFileSync(join(root, '.dependency-cruiser.cjs'), join(tree, '.dependency-cruiser.cjs'));
  copyFileSync(join(root, 'tsconfig.json'), join(tree, 'tsconfig.json'));
  const index = (lib: string) => ({
    file: `libs/${lib}/src/index.ts`,
    source: `export type T = 1;\nexport type S = 2;\n`,
  });
  for (const { file, source } of [...LIBS.map(index), ...allowed, ...bypasses]) {
    mkdirSync(dirname(join(tree, file)), { recursive: true });
    writeFileSync(join(tree, file), source);
  }
  const cli = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const args = [cli, '--output-type', 'json', 'apps', 'libs', 'test', 'bench', 'migrations'];
  // depcruise exits non-zero when it finds errors; the JSON report is on stdout either way.
  const { stdout } = await run(process.execPath, args, { cwd: tree, maxBuffer: 16 << 20 }).catch(
    (error: { stdout: string }) => ({ stdout: error.stdout }),
  );
  violations = (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}, 60_000);

afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('npm run lint: dependency rules', () => {
  it.each(bypasses)('rejects $file ($rule)', ({ file, rule }) => {
    expect(violations.filter((v) => v.from === file).map((v) => v.rule.name)).toContain(rule);
  });

  it('lets imports through the index, within a lib and down the layers pass', () => {
    const files = allowed.map((a) => a.file);
    expect(violations.filter((v) => files.includes(v.from))).toEqual([]);
  });
});
