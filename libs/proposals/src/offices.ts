import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { findProjectFile } from '@libs/diplomacy';
import type { RegistryActor } from './proposal.types';

/** Who held an office of a country, and when: `to` is the successor's first day (null: still in office). */
export interface OfficeTerm {
  readonly actorId: string;
  readonly name: string;
  readonly country: string;
  readonly office: string;
  readonly from: string;
  readonly to: string | null;
}

/**
 * The actor registry kept as data: offices with their dates (data/actor-offices.csv) and every spelling of the
 * office holders' names, Arabic and Latin (data/actor-aliases.csv).
 */
export class DatedOffices {
  constructor(
    private readonly terms: readonly OfficeTerm[],
    private readonly aliases: ReadonlyMap<string, readonly string[]>,
  ) {}

  /** The holder of `office` of `country` on `day` (YYYY-MM-DD), if the data knows one. */
  holder(office: string, country: string, day: string): OfficeTerm | undefined {
    return this.terms.find(
      (t) => t.office === office && t.country === country && t.from <= day && (t.to === null || day < t.to),
    );
  }

  /** Every office holder as a registry actor, with the spellings of their name. */
  registry(): RegistryActor[] {
    const byId = new Map<string, RegistryActor>();
    for (const term of this.terms) {
      if (byId.has(term.actorId)) continue;
      const aliases = [term.name, ...(this.aliases.get(term.actorId) ?? [])];
      byId.set(term.actorId, { id: term.actorId, name: term.name, country: term.country, aliases });
    }
    return [...byId.values()];
  }
}

let loaded: DatedOffices | undefined;

export function datedOffices(): DatedOffices {
  if (loaded) return loaded;
  const read = (file: string) =>
    parse(readFileSync(findProjectFile(file), 'utf8'), { columns: true, comment: '#', trim: true }) as Record<
      string,
      string
    >[];
  const terms = read('data/actor-offices.csv').map((row) => ({
    actorId: row.actor_id,
    name: row.name,
    country: row.country,
    office: row.office,
    from: row.from,
    to: row.to === '' ? null : row.to,
  }));
  const aliases = new Map<string, string[]>();
  for (const row of read('data/actor-aliases.csv')) {
    aliases.set(row.actor_id, [...(aliases.get(row.actor_id) ?? []), row.alias]);
  }
  loaded = new DatedOffices(terms, aliases);
  return loaded;
}

/**
 * The registry an article is read with: the actors read model first (its ids and names win), each given the
 * data's spellings too, then the office holders it does not have yet.
 */
export function withDataRegistry(registry: readonly RegistryActor[], offices: DatedOffices): RegistryActor[] {
  const data = new Map(offices.registry().map((a) => [a.id, a]));
  const merged = registry.map((actor) => {
    const known = data.get(actor.id);
    return known ? { ...actor, aliases: [...new Set([...actor.aliases, ...known.aliases])] } : actor;
  });
  const ids = new Set(registry.map((a) => a.id));
  return [...merged, ...[...data.values()].filter((a) => !ids.has(a.id))];
}
