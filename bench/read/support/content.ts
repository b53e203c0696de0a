import { randomUUID } from 'node:crypto';
import type { Actor, DiplomaticEventRecorded, SourceRegistered } from '@libs/diplomacy';
import { randomEventDate } from './dates';
import { Random, Zipf } from './random';
import {
  ARAB_FIRST,
  ARAB_LAST,
  COUNTERPART,
  COUNTRIES,
  EVENT_KINDS,
  OTHER_FIRST,
  OTHER_LAST,
  PUBLISHERS,
  RARE_TOPIC,
  RARE_TOPIC_SHARE,
  SENTENCES,
  TOPIC_SENTENCES,
  TOPICS,
  type Country,
  type Lang,
} from './vocabulary';

export interface BenchActor {
  id: string;
  name: Record<Lang, string>;
  country: Country;
}

export type RecordedData = DiplomaticEventRecorded['data'];
export type SourceData = SourceRegistered['data'];

const ROLES: readonly Actor['role'][] = ['initiator', 'target', 'participant'];

/** `count` people, each with a stable slug id, a name in both scripts and a country weighted by coverage. */
export function buildActors(random: Random, count: number): BenchActor[] {
  const countries = COUNTRIES.map((country) => [country, country.weight] as const);
  return Array.from({ length: count }, (_, i) => {
    const country = random.weighted(countries);
    const first = random.pick(country.arab ? ARAB_FIRST : OTHER_FIRST);
    const last = random.pick(country.arab ? ARAB_LAST : OTHER_LAST);
    return {
      id: `${first[0]}-${last[0]}-${i + 1}`,
      name: { en: `${first[1]} ${last[1]}`, ar: `${first[2]} ${last[2]}` },
      country,
    };
  });
}

export function buildSources(random: Random, count: number): SourceData[] {
  return Array.from({ length: count }, (_, i) => {
    const [publisher, language, host] = random.pick(PUBLISHERS);
    const topic = random.pick(TOPICS)[language === 'ar' ? 1 : 0];
    const year = random.int(1995, 2024);
    return {
      id: randomUUID(),
      title: language === 'ar' ? `تقرير ${publisher}: ${topic}` : `${publisher} report: ${topic}`,
      url: `https://${host}/news/${year}/${i + 1}`,
      publisher,
      language,
      publishedAt: `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      text: paragraph(random, language, topic, 1200),
    };
  });
}

/** Sentences of `lang` after one that names the topic, until about `target` characters. */
export function paragraph(random: Random, lang: Lang, topic: string, target: number): string {
  const i = lang === 'ar' ? 1 : 0;
  const parts = [random.pick(TOPIC_SENTENCES)[i].replace('{topic}', topic)];
  let length = parts[0].length;
  while (length < target) {
    const next = random.pick(SENTENCES)[i];
    parts.push(next);
    length += next.length + 1;
  }
  return parts.join(' ');
}

export class ItemFactory {
  private readonly actorRank: Zipf;
  private readonly actorsById: ReadonlyMap<string, BenchActor>;
  private readonly sourcesByLang: Record<Lang, SourceData[]>;

  constructor(
    private readonly random: Random,
    private readonly actors: readonly BenchActor[],
    sources: readonly SourceData[],
  ) {
    this.actorRank = new Zipf(actors.length, 0.8, random);
    this.actorsById = new Map(actors.map((a) => [a.id, a]));
    const byLang = (lang: Lang) => sources.filter((s) => s.language === lang);
    this.sourcesByLang = { ar: byLang('ar'), en: byLang('en') };
  }

  /** One DiplomaticEventRecorded payload: half Arabic, half English, 1–3 actors, quote of 150–300 characters. */
  recorded(): RecordedData {
    const r = this.random;
    const lang: Lang = r.chance(0.5) ? 'ar' : 'en';
    const i = lang === 'ar' ? 1 : 0;
    const people = this.pickActors(
      r.weighted([
        [1, 3],
        [2, 5],
        [3, 2],
      ]),
    );
    const [type, , en, ar] = r.weighted(EVENT_KINDS.map((kind) => [kind, kind[1]] as const));
    const city = r.pick(people[0].country.cities);
    const topic = (r.chance(RARE_TOPIC_SHARE) ? RARE_TOPIC : r.pick(TOPICS))[i];
    return {
      id: randomUUID(),
      type,
      title: this.title(lang === 'ar' ? ar : en, lang, people, city[i], topic),
      summary: r.chance(0.8) ? paragraph(r, lang, r.pick(TOPICS)[i], r.int(80, 160)) : null,
      actors: people.map((p, n) => ({ id: p.id, name: p.name[lang], country: p.country.code, role: ROLES[n] })),
      location: r.chance(0.85) ? { name: city[i], country: people[0].country.code } : null,
      date: randomEventDate(r, lang),
      status: r.weighted([
        ['occurred', 90],
        ['scheduled', 8],
        ['cancelled', 2],
      ] as const),
      source: { sourceId: r.pick(this.sourcesByLang[lang]).id, quote: this.quote(lang, topic) },
    };
  }

  /** A new title in the item's language, for a correction. */
  retitle(item: RecordedData): string {
    const lang: Lang = /[\u0600-\u06ff]/.test(item.title) ? 'ar' : 'en';
    const [, , en, ar] = this.random.pick(EVENT_KINDS);
    const people = item.actors.map((a) => this.actorsById.get(a.id) ?? this.actors[0]);
    const i = lang === 'ar' ? 1 : 0;
    return this.title(
      lang === 'ar' ? ar : en,
      lang,
      people,
      item.location?.name ?? people[0].country.cities[0][i],
      this.random.pick(TOPICS)[i],
    );
  }

  private title(template: string, lang: Lang, people: readonly BenchActor[], city: string, topic: string): string {
    return template
      .replace('{a}', people[0].name[lang])
      .replace('{b}', people[1]?.name[lang] ?? COUNTERPART[lang === 'ar' ? 1 : 0])
      .replace('{city}', city)
      .replace('{topic}', topic);
  }

  /** 150–300 characters, cut at a sentence boundary. */
  private quote(lang: Lang, topic: string): string {
    const text = paragraph(this.random, lang, topic, this.random.int(150, 260));
    if (text.length <= 300) return text;
    const cut = text.lastIndexOf('.', 300);
    return cut >= 150 ? text.slice(0, cut + 1) : text.slice(0, 300);
  }

  private pickActors(count: number): BenchActor[] {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(this.actorRank.sample());
    return [...chosen].map((rank) => this.actors[rank]);
  }
}
