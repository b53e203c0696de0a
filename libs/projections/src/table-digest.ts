/**
 * The digest of a table's rows as a multiset: their count and the sum of each row's 64-bit md5 prefix. Equal rows
 * give equal digests in any physical order, with no sort, and PostgreSQL computes it as a parallel aggregate (one
 * worker per core). The digest it replaced, md5(string_agg(md5(row) ORDER BY key)), sorted the whole table in one
 * process: on a million timeline rows that was a tenth of a rebuild, paid twice inside the swap's lock.
 * `rowText` is a text expression of one row of `from`; the result is text, or NULL for an empty table.
 */
export function tableDigestSql(rowText: string, from: string): string {
  return `(SELECT count(*)::text || '.' || sum(('x' || left(md5(${rowText}), 16))::bit(64)::bigint)::text FROM ${from})`;
}
