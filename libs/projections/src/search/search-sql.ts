import type { ActorAliases } from './actor-aliases';
import { searchTerms, type SearchTerm } from './search-text';

/** SQL fragments of a `q` search: every term must match; `rank` orders best match first. */
export interface SearchSql {
  condition: string;
  rank: string;
  terms: SearchTerm[];
}

/** Folded word, English stem and Arabic light stem of one term, as one tsquery. */
function termQuery(term: SearchTerm, add: (value: unknown) => string): string {
  const word = add(term.word);
  const stem = term.stem === term.word ? word : add(term.stem);
  return `(plainto_tsquery('simple', ${word}) || plainto_tsquery('english', ${word}) || plainto_tsquery('simple', ${stem}))`;
}

/**
 * A term matches an item's words (title, summary, quote, place, actor names) or any name its actors are known by:
 * names learned from recorded events (timeline_actor_names, so "ماكرون" finds items that only say "Macron") and
 * the alias file. Values travel as parameters.
 */
export function searchSql(q: string, add: (value: unknown) => string, aliases: ActorAliases): SearchSql | undefined {
  const terms = searchTerms(q);
  if (terms.length === 0) return undefined;
  const queries = terms.map((term) => termQuery(term, add));
  const condition = terms
    .map((term, i) => {
      const fromFile = [...new Set([...aliases.actorsNamed(term.word), ...aliases.actorsNamed(term.stem)])];
      return `(v.search @@ ${queries[i]} OR v.actor_ids && (ARRAY(SELECT n.actor_id FROM timeline_actor_names n
        WHERE n.search @@ ${queries[i]}) || ${add(fromFile)}::text[]))`;
    })
    .join(' AND ');
  return { condition, rank: `ts_rank(v.search, ${queries.join(' || ')})`, terms };
}
