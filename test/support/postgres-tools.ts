import { describe, it } from '@jest/globals';
import { postgresBinaries } from './own-cluster';

/**
 * `describe` when this machine has Debian's PostgreSQL tools, else one test whose name says why it was skipped.
 * With ANNALS_REQUIRE_PG_TOOLS=1 (set by .ci/run) a missing tool fails instead: CI must never skip these.
 */
export function describeWithPostgresTools(tools: string[], name: string, body: () => void): void {
  if (postgresBinaries(tools)) {
    describe(name, body);
    return;
  }
  const missing = `no ${tools.join(', ')} under /usr/lib/postgresql/<version>/bin (apt-get install postgresql)`;
  describe(name, () => {
    it(`SKIPPED: ${missing}`, () => {
      if (process.env.ANNALS_REQUIRE_PG_TOOLS === '1') throw new Error(`ANNALS_REQUIRE_PG_TOOLS=1, but ${missing}`);
      console.warn(`${name}: SKIPPED, ${missing}`);
    });
  });
}
