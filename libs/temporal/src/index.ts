export type { Direction, Precision, Resolution } from './temporal.types';
export { TemporalError, UnresolvableExpressionError, InvalidAnchorError } from './temporal.errors';
export { resolve } from './resolve';
export { isCalendarDate, parseCalendarDate, formatDate } from './calendar';
export type { Extraction, Language, Mention, MentionResolution } from './extract/mention.types';
export { extract } from './extract/extract';
