import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { RegistryActor } from '@libs/proposals';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Content-addressed: the same text is stored once, whoever submits it. */
export async function saveText(pool: Pool, hash: string, text: string): Promise<void> {
  await pool.query('INSERT INTO source_texts (sha256, text) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [
    hash,
    text,
  ]);
}

/** The text, or null once redacted. */
export async function loadText(pool: Pool, hash: string): Promise<string | null> {
  const { rows } = await pool.query<{ text: string }>('SELECT text FROM source_texts WHERE sha256 = $1', [hash]);
  return rows[0]?.text ?? null;
}

/** The actors read model as the proposer's registry: every name recorded for each actor is a spelling. */
export async function loadRegistry(pool: Pool): Promise<RegistryActor[]> {
  const { rows } = await pool.query<{ id: string; names: string[]; country: string }>(
    'SELECT id, names, country FROM actors ORDER BY id',
  );
  return rows.map((r) => ({ id: r.id, name: r.names[0] ?? r.id, country: r.country, aliases: r.names }));
}
