import { describe, it } from '@jest/globals';
import { postgresBinaries } from './pg-cluster';

/**
 * `describe` when this machine has Debian's PostgreSQL tools, else one test whose name says why it was skipped.
 * With ANNALS_REQUIRE_PG_TOOLS=1 (set by .ci/run) a missing tool fails instead: CI must never skip these.
 */
export function describeWithPostgresTools(tools: string[], name: string, body: (bin: string) => void): void {
  const found = postgresBinaries(tools);
  if ('bin' in found) {
    describe(name, () => body(found.bin));
    return;
  }
  describe(name, () => {
    it(`SKIPPED: ${found.missing}`, () => {
      if (process.env.ANNALS_REQUIRE_PG_TOOLS === '1')
        throw new Error(`ANNALS_REQUIRE_PG_TOOLS=1, but ${found.missing}`);
      console.warn(`${name}: SKIPPED, ${found.missing}`);
    });
  });
}
