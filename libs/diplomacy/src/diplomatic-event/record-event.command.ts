import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '../command-meta';
import type { DiplomaticEventInput } from './diplomatic-event.types';

export interface WriteResult {
  id: string;
  version: number;
  position: number;
}

export class RecordEventCommand extends Command<WriteResult> {
  constructor(
    readonly id: string,
    readonly input: DiplomaticEventInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
