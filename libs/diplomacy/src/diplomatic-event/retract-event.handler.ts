import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandling } from '../command-handling';
import { DIPLOMATIC_EVENTS } from './diplomatic-event';
import { decideRetract } from './diplomatic-event.decide';
import { RetractEventCommand } from './retract-event.command';

@CommandHandler(RetractEventCommand)
export class RetractEventHandler implements ICommandHandler<RetractEventCommand> {
  constructor(private readonly commands: CommandHandling) {}

  async execute({ id, expectedVersion, reason, meta }: RetractEventCommand) {
    return this.commands.handle(DIPLOMATIC_EVENTS, id, { meta, expectedVersion }, (state) =>
      decideRetract(id, reason, state),
    );
  }
}
