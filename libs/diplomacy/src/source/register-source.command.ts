import { Command } from '@nestjs/cqrs';
import type { SourceFacts } from './source.events';
import type { CommandMeta } from '../command-meta';

export type RegisterSourceInput = Omit<SourceFacts, 'url' | 'publisher' | 'text' | 'textSha256'> &
  Partial<Pick<SourceFacts, 'url' | 'publisher' | 'text' | 'textSha256'>>;

export class RegisterSourceCommand extends Command<{ id: string; version: number; position: number }> {
  constructor(
    readonly id: string,
    readonly input: RegisterSourceInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
