import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore, type StoredEvent } from '@libs/event-store';
import { InvalidDiplomaticEventError, SourceNotFoundError } from '../diplomacy.errors';
import { eventMetadata } from '../command-meta';
import { sourceStream } from '../streams';
import { RedactSourceTextCommand } from './redact-source-text.command';
import type { SourceEvent, SourceTextRedacted } from './source.events';

/**
 * The event first, then the deletion: if the deletion fails, the log already says the text must go, and a retry
 * (which appends nothing the second time) deletes it. The log keeps the hash, the quotes and their offsets.
 */
@CommandHandler(RedactSourceTextCommand)
export class RedactSourceTextHandler implements ICommandHandler<RedactSourceTextCommand> {
  constructor(private readonly store: PostgresEventStore) {}

  async execute({ sourceId, reason, meta }: RedactSourceTextCommand) {
    const stream = sourceStream(sourceId);
    const history = (await this.store.readStream(stream)) as unknown as SourceEvent[];
    const registered = history[0]?.type === 'SourceRegistered' ? history[0].data : undefined;
    if (!registered?.textSha256) throw new SourceNotFoundError(sourceId);
    if (typeof reason !== 'string' || reason.trim() === '')
      throw new InvalidDiplomaticEventError({ reason: 'must not be empty' });
    const textSha256 = registered.textSha256;
    const done = (history as unknown as StoredEvent[]).find((e) => e.type === 'SourceTextRedacted');
    let position = done?.position;
    if (!done) {
      const event: SourceTextRedacted = { type: 'SourceTextRedacted', data: { sourceId, textSha256, reason } };
      const appended = await this.store.append(stream, history.length, [{ ...event, metadata: eventMetadata(meta) }]);
      position = appended.positions[0];
    }
    await this.store.pool.query('DELETE FROM source_texts WHERE sha256 = $1', [textSha256]);
    return { sourceId, textSha256, recorded: !done, position: position as number };
  }
}
