/**
 * The digest of a table's rows as a multiset: their count and the sum of each row's 64-bit hash. Equal rows give
 * equal digests in any physical order, with no sort, and PostgreSQL computes it as a parallel aggregate (one worker
 * per core). The digest it replaced, md5(string_agg(md5(row) ORDER BY key)), sorted the whole table in one
 * process: on a million timeline rows that was a tenth of a rebuild, paid twice inside the swap's lock.
 * `rowHash` is a bigint expression of one row of `from` (see recordHashSql); the result is text, or NULL for an
 * empty table.
 */
export function tableDigestSql(rowHash: string, from: string): string {
  return `(SELECT count(*)::text || '.' || sum(${rowHash})::text FROM ${from})`;
}

/**
 * A row's (or ROW(...)'s) hash from each column type's own hash function (PostgreSQL 14+): no text of the row
 * is built. An md5 of the row's text cost about twice as much on the timeline (the text of its timestamps, jsonb
 * and search vector), and the swap takes two checksums. Every column type needs a hash function: not tsvector.
 */
export const recordHashSql = (record: string): string => `hash_record_extended(${record}, 0)`;

/** A tsvector's hash, lexemes, positions and weights, from its binary form. */
export const tsvectorHashSql = (column: string): string =>
  `('x' || left(md5(tsvectorsend(${column})), 16))::bit(64)::bigint`;
