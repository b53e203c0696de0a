export type {
  ActorEvidence,
  Proposal,
  Proposals,
  ProposeInput,
  ProposedActor,
  ProposedDate,
  ProposedPlace,
  ProposedRole,
  ProposedType,
  RegistryActor,
} from './proposal.types';
export { propose, PROPOSER_VERSION } from './propose';
export { EXTRACTORS, ExtractorRegistry, type Extractor } from './extractors';
