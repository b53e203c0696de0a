import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandHandling } from './command-handling';
import { CorrectEventHandler } from './diplomatic-event/correct-event.handler';
import { RecordEventHandler } from './diplomatic-event/record-event.handler';
import { RetractEventHandler } from './diplomatic-event/retract-event.handler';
import { RegisterSourceHandler } from './source/register-source.handler';
import { DecideProposalHandler } from './source/decide-proposal.handler';
import { RedactSourceTextHandler } from './source/redact-source-text.handler';
import { SeedService } from './seed/seed.service';
import { DomainEventsModule } from './upcasters';

/** The write side: command handlers over the event store (provided globally by the platform module). */
@Module({
  imports: [CqrsModule, DomainEventsModule],
  providers: [
    CommandHandling,
    RecordEventHandler,
    CorrectEventHandler,
    RetractEventHandler,
    RegisterSourceHandler,
    DecideProposalHandler,
    RedactSourceTextHandler,
    SeedService,
  ],
  exports: [CqrsModule, SeedService],
})
export class DiplomacyModule {}
