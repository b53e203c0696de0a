// The layers of README.md as rules: temporal <- diplomacy <- projections <- apps; event-store knows no domain;
// platform sits beside event-store; libs never import apps; everyone outside a lib imports it through
// `@libs/<name>` (its index). Type-only imports count (tsPreCompilationDeps). `npm run lint` runs this.
const LIB_DEPENDENCIES = {
  temporal: [],
  'event-store': [],
  diplomacy: ['temporal', 'event-store'],
  platform: ['event-store'],
  projections: ['diplomacy', 'temporal', 'event-store', 'platform'],
  proposals: ['diplomacy', 'temporal'],
};

// Code that runs without the `@libs/*` alias (Jest's globalSetup is loaded outside its module mapper; the store,
// log-transfer and temporal benches are compiled by plain tsc and run by plain node) may import files it needs by
// relative path.
const OUTSIDE_ALIASES = [
  '^test/support/global-setup\\.ts$',
  '^bench/store\\.bench\\.ts$',
  '^bench/log-transfer\\.bench\\.ts$',
  '^bench/support/',
  '^bench/temporal/',
];

const libLayers = Object.entries(LIB_DEPENDENCIES).map(([lib, allowed]) => ({
  name: `layer-${lib}`,
  comment: `libs/${lib} may depend only on ${allowed.length ? allowed.join(', ') : 'no other lib'} (README.md)`,
  severity: 'error',
  from: { path: `^libs/${lib}/` },
  to: { path: '^libs/([^/]+)/', pathNot: [`^libs/(${[lib, ...allowed].join('|')})/`] },
}));

module.exports = {
  forbidden: [
    ...libLayers,
    {
      name: 'lib-index-only',
      comment: "outside a lib, only its index is importable: '@libs/<name>', not libs/<name>/src/<file>",
      severity: 'error',
      from: { path: '^(apps|test|bench|migrations)/', pathNot: OUTSIDE_ALIASES },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)' },
    },
    {
      name: 'lib-index-only-between-libs',
      comment: "a lib imports another lib only as '@libs/<name>', not libs/<name>/src/<file>",
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)', pathNot: '^libs/$1/' },
    },
    {
      name: 'lib-by-alias',
      comment: "import a lib as '@libs/<name>' (tsconfig paths), not by relative path or baseUrl",
      severity: 'error',
      from: { path: '^(apps|test|bench|migrations)/', pathNot: OUTSIDE_ALIASES },
      to: { path: '^libs/[^/]+/src/index\\.ts$', dependencyTypesNot: ['aliased-tsconfig-paths'] },
    },
    {
      name: 'lib-by-alias-between-libs',
      comment: "a lib imports another lib as '@libs/<name>', not by relative path or baseUrl",
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/index\\.ts$', pathNot: '^libs/$1/', dependencyTypesNot: ['aliased-tsconfig-paths'] },
    },
    {
      name: 'no-base-url',
      comment: "no bare 'libs/...' or 'apps/...' paths through tsconfig baseUrl, type-only ones included",
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['aliased-tsconfig-base-url'] },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-are-separate',
      comment: 'an app never imports another app',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'production-code-never-imports-tests-or-bench',
      comment: 'specs beside the code may use test/support; the code itself may not',
      severity: 'error',
      from: { path: '^(apps|libs|migrations)/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'migrations-know-no-code',
      comment: 'migrations hold DDL only: no app, lib, test or bench code',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^(apps|libs|test|bench)/' },
    },
    {
      name: 'only-platform-runs-migrations',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '^libs/platform/' },
      to: { path: '^migrations/' },
    },
    {
      name: 'temporal-is-pure',
      comment: 'libs/temporal has no Nest and no database',
      severity: 'error',
      from: { path: '^libs/temporal/' },
      to: { path: 'node_modules/(@nestjs|pg|typeorm|pino)' },
    },
    {
      name: 'event-store-knows-no-framework',
      comment: 'libs/event-store is plain pg: no Nest, no TypeORM',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: 'node_modules/(@nestjs|typeorm)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: "an import that does not resolve (e.g. '@libs/<name>/<file>', a deep path behind the alias)",
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'type-only cycles are erased at compile time and allowed',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    exclude: { path: '(^|/)(dist|dist-bench|\\.data)/|^apps/api/public/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
