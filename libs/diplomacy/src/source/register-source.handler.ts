import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@libs/event-store';
import { InvalidDiplomaticEventError } from '../diplomacy.errors';
import { eventMetadata } from '../command-meta';
import { sourceStream } from '../streams';
import { RegisterSourceCommand } from './register-source.command';
import { decideRegisterSource } from './source.decide';

@CommandHandler(RegisterSourceCommand)
export class RegisterSourceHandler implements ICommandHandler<RegisterSourceCommand> {
  constructor(private readonly store: PostgresEventStore) {}

  async execute({ id, input, meta }: RegisterSourceCommand) {
    const events = decideRegisterSource(id, input);
    const result = await this.store
      .append(
        sourceStream(id),
        'no_stream',
        events.map((e) => ({ ...e, metadata: eventMetadata(meta) })),
        { idempotencyKey: meta.idempotencyKey },
      )
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === 'EVENT_STORE.VERSION_CONFLICT') {
          throw new InvalidDiplomaticEventError({ id: `source ${id} already exists` });
        }
        throw error;
      });
    return { id, version: result.version, position: result.positions[0] };
  }
}
