import type { DiplomaticEventChanges, DiplomaticEventFacts } from './diplomatic-event.types';

/** Stored event types: past tense, never renamed. Bump `schemaVersion` and add an upcaster to change a shape. */
export const DIPLOMATIC_EVENT_RECORDED = 'DiplomaticEventRecorded';
export const DIPLOMATIC_EVENT_CORRECTED = 'DiplomaticEventCorrected';
export const DIPLOMATIC_EVENT_RETRACTED = 'DiplomaticEventRetracted';

export interface DiplomaticEventRecorded {
  type: typeof DIPLOMATIC_EVENT_RECORDED;
  data: { id: string } & DiplomaticEventFacts;
}

export interface DiplomaticEventCorrected {
  type: typeof DIPLOMATIC_EVENT_CORRECTED;
  data: { id: string; changes: DiplomaticEventChanges; reason: string };
}

export interface DiplomaticEventRetracted {
  type: typeof DIPLOMATIC_EVENT_RETRACTED;
  data: { id: string; reason: string };
}

export type DiplomaticEventEvent = DiplomaticEventRecorded | DiplomaticEventCorrected | DiplomaticEventRetracted;

export const DIPLOMATIC_EVENT_TYPES: readonly string[] = [
  DIPLOMATIC_EVENT_RECORDED,
  DIPLOMATIC_EVENT_CORRECTED,
  DIPLOMATIC_EVENT_RETRACTED,
];
