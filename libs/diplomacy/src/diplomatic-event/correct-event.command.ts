import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '../command-meta';
import type { DiplomaticEventChangesInput } from './diplomatic-event.types';
import type { WriteResult } from './record-event.command';

export class CorrectEventCommand extends Command<WriteResult> {
  constructor(
    readonly id: string,
    readonly expectedVersion: number,
    readonly changes: DiplomaticEventChangesInput,
    readonly reason: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
