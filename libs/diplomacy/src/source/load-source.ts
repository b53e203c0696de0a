import type { PostgresEventStore } from '@libs/event-store';
import { SourceNotFoundError } from '../diplomacy.errors';
import { sourceStream } from '../streams';
import { publicationDate, type SourceRegistered } from './source.events';

export async function loadSource(store: PostgresEventStore, id: string): Promise<SourceRegistered['data'] | undefined> {
  const [registered] = await store.readStream(sourceStream(id), 1, 1);
  return registered?.type === 'SourceRegistered' ? (registered.data as SourceRegistered['data']) : undefined;
}

/** The anchor for relative dates: the source's publication date. Unknown source → a 400 naming the field. */
export async function sourcePublishedOn(store: PostgresEventStore, sourceId: string): Promise<string> {
  const source = await loadSource(store, sourceId);
  if (!source) throw new SourceNotFoundError(sourceId);
  return publicationDate(source);
}
