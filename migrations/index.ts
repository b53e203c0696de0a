import { CreateEventLog1700000000000 } from './1700000000000-create-event-log';

/** Every migration, in order. Listed explicitly so the build needs no file globbing. */
export const MIGRATIONS = [CreateEventLog1700000000000];
