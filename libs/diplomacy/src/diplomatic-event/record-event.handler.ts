import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IdempotencyKeyReusedError } from '../diplomacy.errors';
import { INITIAL_STATE } from './diplomatic-event';
import { DiplomaticEventRepository } from './diplomatic-event.repository';
import { decideRecord } from './diplomatic-event.decide';
import { RecordEventCommand } from './record-event.command';

@CommandHandler(RecordEventCommand)
export class RecordEventHandler implements ICommandHandler<RecordEventCommand> {
  constructor(private readonly events: DiplomaticEventRepository) {}

  async execute({ id, input, meta }: RecordEventCommand) {
    const sourcePublishedOn = await this.events.sourcePublishedOn(input.source?.sourceId);
    const state = await this.events.load(id);
    if (meta.idempotencyKey && state.status !== 'none') {
      // A retry of a request that already succeeded (the id came from the same key): answer as the first time,
      // unless the body differs, which would silently drop the new one.
      const [again] = decideRecord(id, input, INITIAL_STATE, { sourcePublishedOn });
      const original = await this.events.recorded(id);
      if (canonicalJson(original.data) !== canonicalJson(again.data))
        throw new IdempotencyKeyReusedError(meta.idempotencyKey);
      return { id, version: 1, position: original.position };
    }
    const decided = decideRecord(id, input, state, { sourcePublishedOn });
    const { duplicate: _duplicate, ...result } = await this.events.append(id, 'no_stream', decided, meta);
    return result;
  }
}

/** JSON with object keys sorted, so that jsonb's key order does not make equal values look different. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
