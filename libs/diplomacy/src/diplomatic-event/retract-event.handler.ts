import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DiplomaticEventRepository } from './diplomatic-event.repository';
import { decideRetract } from './diplomatic-event.decide';
import { RetractEventCommand } from './retract-event.command';
import { DiplomaticEventVersionConflictError } from '../diplomacy.errors';

@CommandHandler(RetractEventCommand)
export class RetractEventHandler implements ICommandHandler<RetractEventCommand> {
  constructor(private readonly events: DiplomaticEventRepository) {}

  async execute({ id, expectedVersion, reason, meta }: RetractEventCommand) {
    const state = await this.events.load(id);
    if (expectedVersion !== undefined && state.status !== 'none' && state.version !== expectedVersion) {
      throw new DiplomaticEventVersionConflictError(id, expectedVersion, state.version);
    }
    const decided = decideRetract(id, reason, state);
    const { duplicate: _duplicate, ...result } = await this.events.append(id, state.version, decided, meta);
    return result;
  }
}
