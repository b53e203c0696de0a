// Jest runs in ESM mode (node --experimental-vm-modules): Nest 12 ships ESM only, and Jest's own
// CommonJS loader cannot require it. SWC compiles TypeScript with decorator metadata for Nest DI.
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));

export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // SWC compiles our TypeScript, and the few ESM-only dependencies that CommonJS packages require()
  // (Jest's loader cannot require ESM on Node 20); @swc/jest picks ESM or CommonJS output per caller.
  transform: { '^.+\\.(ts|js)$': ['@swc/jest', { ...swc, swcrc: false }] },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: {
    '^@libs/(event-store|temporal|diplomacy|projections|platform|proposals)$': '<rootDir>/libs/$1/src',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.{unit,int,e2e}.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.browser\\.spec\\.ts$'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  // Some run leaves a timer behind (no socket stays open; not yet found): exit once the results are in, so CI ends.
  forceExit: true,
};
