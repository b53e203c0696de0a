import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '../command-meta';
import type { WriteResult } from './record-event.command';

export class RetractEventCommand extends Command<WriteResult> {
  constructor(
    readonly id: string,
    /** Omitted: retract whatever the current version is. */
    readonly expectedVersion: number | undefined,
    readonly reason: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
