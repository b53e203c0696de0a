import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '../command-meta';
import type { WriteResult } from '../command-handling';
import type { DiplomaticEventInput } from './diplomatic-event.types';

export type { WriteResult } from '../command-handling';

export class RecordEventCommand extends Command<WriteResult> {
  constructor(
    readonly id: string,
    readonly input: DiplomaticEventInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
