import { Global, Module } from '@nestjs/common';
import { EVENT_UPCASTERS, type Upcaster } from '@libs/event-store';

/**
 * Every upcaster of the domain's stored events, in one list. To change a stored shape: bump the event's
 * `schemaVersion` where it is appended and add `{ type, fromSchemaVersion, upcast }` here; nothing else is wired.
 */
export const UPCASTERS: readonly Upcaster[] = [];

/** Registers UPCASTERS with the event store; imported by the write and the read side, so every app has it. */
@Global()
@Module({ providers: [{ provide: EVENT_UPCASTERS, useValue: UPCASTERS }], exports: [EVENT_UPCASTERS] })
export class DomainEventsModule {}
