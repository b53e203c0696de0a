import { describe, expect, it } from '@jest/globals';
import { assertTestDatabase } from './test-database';

describe('assertTestDatabase', () => {
  it.each(['test', 'annals_test_123_456', 'annals-test', 'test_annals'])('accepts %s', (name) => {
    expect(() => assertTestDatabase(`postgres://u@localhost:5432/${name}`)).not.toThrow();
  });

  it.each(['annals', 'postgres', 'production', 'contest', 'attestations'])('refuses %s', (name) => {
    expect(() => assertTestDatabase(`postgres://u@localhost:5432/${name}`)).toThrow(/must say it is for tests/);
  });
});
