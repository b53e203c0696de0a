export const diplomaticEventStream = (id: string) => `diplomatic-event-${id}`;
export const sourceStream = (id: string) => `source-${id}`;
export const DIPLOMATIC_EVENT_STREAM_PREFIX = 'diplomatic-event-';
export const SOURCE_STREAM_PREFIX = 'source-';
