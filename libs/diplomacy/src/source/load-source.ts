import type { PostgresEventStore } from '@libs/event-store';
import { sourceStream } from '../streams';
import type { SourceRegistered } from './source.events';

export async function loadSource(store: PostgresEventStore, id: string): Promise<SourceRegistered['data'] | undefined> {
  const [registered] = await store.readStream(sourceStream(id), 1, 1);
  return registered?.type === 'SourceRegistered' ? (registered.data as SourceRegistered['data']) : undefined;
}
