import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DiplomaticEventRepository } from './diplomatic-event.repository';
import { decideCorrect } from './diplomatic-event.decide';
import { CorrectEventCommand } from './correct-event.command';
import { DiplomaticEventNotFoundError, DiplomaticEventVersionConflictError } from '../diplomacy.errors';

@CommandHandler(CorrectEventCommand)
export class CorrectEventHandler implements ICommandHandler<CorrectEventCommand> {
  constructor(private readonly events: DiplomaticEventRepository) {}

  async execute({ id, expectedVersion, changes, reason, meta }: CorrectEventCommand) {
    const state = await this.events.load(id);
    if (state.status === 'none') throw new DiplomaticEventNotFoundError(id);
    if (state.version !== expectedVersion) {
      throw new DiplomaticEventVersionConflictError(id, expectedVersion, state.version);
    }
    const sourcePublishedOn = await this.events.sourcePublishedOn(state.facts.source.sourceId);
    const decided = decideCorrect(id, changes, reason, state, { sourcePublishedOn });
    const { duplicate: _duplicate, ...result } = await this.events.append(id, expectedVersion, decided, meta);
    return result;
  }
}
