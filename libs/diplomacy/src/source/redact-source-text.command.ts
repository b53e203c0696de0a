import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '../command-meta';

export class RedactSourceTextCommand extends Command<{
  sourceId: string;
  textSha256: string;
  recorded: boolean;
  /** The SourceTextRedacted event's log position (the earlier one's on a retry). */
  position: number;
}> {
  constructor(
    readonly sourceId: string,
    readonly reason: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
