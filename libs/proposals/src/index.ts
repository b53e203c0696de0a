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
export { propose, proposeWith, PROPOSER_VERSION, PROPOSALS_1, PROPOSALS_2, type ProposerSettings } from './propose';
export { datedOffices, DatedOffices, type OfficeTerm } from './offices';
export { EXTRACTORS, ExtractorRegistry, type Extractor } from './extractors';
