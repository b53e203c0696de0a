/** Who asked and why, kept in each stored event's metadata. */
export interface CommandMeta {
  actor: string;
  correlationId?: string;
  idempotencyKey?: string;
}

export function eventMetadata(meta: CommandMeta): Record<string, string> {
  const metadata: Record<string, string> = { actor: meta.actor };
  if (meta.correlationId) metadata.correlationId = meta.correlationId;
  return metadata;
}
