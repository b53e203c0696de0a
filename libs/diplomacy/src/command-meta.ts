/** Who asked and why, kept in each stored event's metadata. */
export interface CommandMeta {
  actor: string;
  /** The credential that issued the command (its id and name, never its token); absent for system actors. */
  credentialId?: string;
  credentialName?: string;
  correlationId?: string;
  idempotencyKey?: string;
}

export function eventMetadata(meta: CommandMeta): Record<string, string> {
  const metadata: Record<string, string> = { actor: meta.actor };
  if (meta.credentialId) metadata.credentialId = meta.credentialId;
  if (meta.credentialName) metadata.credentialName = meta.credentialName;
  if (meta.correlationId) metadata.correlationId = meta.correlationId;
  return metadata;
}
