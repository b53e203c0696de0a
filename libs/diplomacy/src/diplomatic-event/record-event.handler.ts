import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@libs/event-store';
import { CommandHandling } from '../command-handling';
import { sourcePublishedOn } from '../source/load-source';
import { DIPLOMATIC_EVENTS } from './diplomatic-event';
import { decideRecord } from './diplomatic-event.decide';
import { RecordEventCommand } from './record-event.command';

@CommandHandler(RecordEventCommand)
export class RecordEventHandler implements ICommandHandler<RecordEventCommand> {
  constructor(
    private readonly commands: CommandHandling,
    private readonly store: PostgresEventStore,
  ) {}

  async execute({ id, input, meta }: RecordEventCommand) {
    const anchor = await sourcePublishedOn(this.store, input.source?.sourceId);
    return this.commands.handle(DIPLOMATIC_EVENTS, id, { meta, expectedVersion: 'no_stream' }, (state) =>
      decideRecord(id, input, state, { sourcePublishedOn: anchor }),
    );
  }
}
