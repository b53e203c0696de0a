import type { ProposeInput, Proposals } from './proposal.types';
import { PROPOSALS_1, PROPOSALS_2, proposeWith } from './propose';

/** One version of the proposer: the same input always gives the same proposals under the same version. */
export type Extractor = (input: ProposeInput) => Proposals;

/**
 * The proposer versions a server can run, by name. Decisions record the version they saw, so an article decided
 * under an older version can show those proposals exactly as they were while a newer one proposes the rest. The
 * version registered last is the current one. A new version is registered in code (a test registers one to
 * simulate an upgrade); a version is only unregistered when no decision may still name it.
 */
export class ExtractorRegistry {
  private readonly byVersion = new Map<string, Extractor>();

  register(version: string, extractor: Extractor): void {
    if (this.byVersion.has(version)) throw new Error(`extractor ${version} is already registered`);
    this.byVersion.set(version, extractor);
  }

  unregister(version: string): void {
    this.byVersion.delete(version);
  }

  /** The extractor of a version, or undefined when this server does not know it. */
  get(version: string): Extractor | undefined {
    return this.byVersion.get(version);
  }

  get current(): string {
    return [...this.byVersion.keys()].pop() as string;
  }

  get versions(): string[] {
    return [...this.byVersion.keys()];
  }
}

/** The versions this build runs, oldest first; the last (`propose` itself) is the current one. */
export const EXTRACTORS = new ExtractorRegistry();
for (const settings of [PROPOSALS_1, PROPOSALS_2]) {
  EXTRACTORS.register(settings.version, (input) => proposeWith(settings, input));
}
