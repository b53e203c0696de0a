import type { Agent } from 'supertest';

export interface RawResponse {
  headers: Record<string, string | undefined>;
  /** The body's bytes as sent (a BOM included). */
  raw: Buffer;
  text: string;
}

/** GET `path` expecting 200, keeping the body's exact bytes rather than supertest's decoded text. */
export async function getRaw(agent: Agent, path: string, query: Record<string, string>): Promise<RawResponse> {
  const res = await agent
    .get(path)
    .query(query)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const raw = res.body as Buffer;
  return { headers: res.headers as Record<string, string | undefined>, raw, text: raw.toString('utf8') };
}
