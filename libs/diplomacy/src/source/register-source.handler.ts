import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandling } from '../command-handling';
import { RegisterSourceCommand } from './register-source.command';
import { SOURCES } from './source';
import { decideRegisterSource } from './source.decide';

@CommandHandler(RegisterSourceCommand)
export class RegisterSourceHandler implements ICommandHandler<RegisterSourceCommand> {
  constructor(private readonly commands: CommandHandling) {}

  async execute({ id, input, meta }: RegisterSourceCommand) {
    return this.commands.handle(SOURCES, id, { meta, expectedVersion: 'no_stream' }, (state) =>
      decideRegisterSource(id, input, state),
    );
  }
}
