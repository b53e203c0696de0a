// Browser tests: the real API on a port, driven through Debian's Chromium with playwright-core.
// Same ESM/SWC setup and global setup (a fresh test database) as jest.config.mjs; only these specs.
import base from './jest.config.mjs';

export default {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.browser.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
};
