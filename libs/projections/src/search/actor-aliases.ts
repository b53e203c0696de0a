import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { findProjectFile } from '@libs/diplomacy';
import { words } from './search-text';

const ALIASES_CSV = 'data/actor-aliases.csv';

/**
 * Spellings of actors' names that recorded events may not (yet) contain — Arabic, Cyrillic, Chinese — from
 * data/actor-aliases.csv. Names the events do use are learned by the timeline projection (timeline_actor_names).
 */
export class ActorAliases {
  private constructor(private readonly byWord: ReadonlyMap<string, readonly string[]>) {}

  static fromRows(rows: readonly { actor_id: string; alias: string }[]): ActorAliases {
    const byWord = new Map<string, string[]>();
    for (const row of rows) {
      for (const word of words(row.alias)) {
        const ids = byWord.get(word) ?? [];
        if (!ids.includes(row.actor_id)) ids.push(row.actor_id);
        byWord.set(word, ids);
      }
    }
    return new ActorAliases(byWord);
  }

  /** Actor ids one of whose aliases contains this folded word. */
  actorsNamed(word: string): readonly string[] {
    return this.byWord.get(word) ?? [];
  }
}

let loaded: ActorAliases | undefined;

export function actorAliases(): ActorAliases {
  loaded ??= ActorAliases.fromRows(
    parse(readFileSync(findProjectFile(ALIASES_CSV), 'utf8'), { columns: true, skip_empty_lines: true, trim: true }),
  );
  return loaded;
}
