import { readFileSync } from 'node:fs';
import countries from 'i18n-iso-countries';
import { parse } from 'csv-parse/sync';
import { countryName, findCameoCode, findProjectFile } from '@libs/diplomacy';
import { PhraseIndex } from './phrase-index';
import { normalize, phraseOf } from './words';

export interface CueEntry {
  readonly code: string;
  readonly root: string;
  readonly name: string;
  /** Normalized stems; null stands for any one word ("*"). */
  readonly stems: readonly (string | null)[];
  /** The first two letters of the first stem (a cue never starts with "*"). */
  readonly head: string;
  readonly entry: string;
  /** The generic cues ("said") that only tell that someone spoke. */
  readonly generic: boolean;
}

export interface PlaceEntry {
  readonly country: string;
  readonly kind: 'name' | 'demonym' | 'capital' | 'region';
  /** The region's countries, or the one country. */
  readonly countries: readonly string[];
}

export interface Lexicon {
  readonly cues: readonly CueEntry[];
  readonly places: PhraseIndex<PlaceEntry>;
  readonly countryLabel: (code: string) => string;
}

const GENERIC = new Set(['010']);
let lexicon: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  lexicon ??= { cues: loadCues(), places: loadPlaces(), countryLabel: englishLabel(loadEnglishNames()) };
  return lexicon;
}

function rows(file: string): Record<string, string>[] {
  return parse(readFileSync(findProjectFile(file), 'utf8'), { columns: true, comment: '#', trim: true });
}

function loadCues(): CueEntry[] {
  return rows('data/cameo-cues.csv').map((row) => {
    const cameo = findCameoCode(row.code);
    if (!cameo) throw new Error(`data/cameo-cues.csv: ${row.code} is not a CAMEO code`);
    const stems = row.cue.split(/\s+/).map((w) => (w === '*' ? null : normalize(w)));
    const head = (stems[0] ?? '').slice(0, 2);
    return {
      head,
      code: cameo.code,
      root: cameo.root,
      name: cameo.name,
      stems,
      entry: row.cue,
      generic: GENERIC.has(row.code),
    };
  });
}

function loadPlaces(): PhraseIndex<PlaceEntry> {
  const index = new PhraseIndex<PlaceEntry>();
  for (const file of ['data/places-ar.csv', 'data/places-en.csv']) {
    for (const row of rows(file)) {
      const kind = row.kind as PlaceEntry['kind'];
      for (const word of row.words.split(/\s+/))
        index.add(phraseOf(word), { country: row.country, kind, countries: [row.country] });
    }
  }
  for (const row of rows('data/regions.csv')) {
    const members = row.countries.split(/\s+/);
    index.add(phraseOf(row.words), { country: row.region, kind: 'region', countries: members });
  }
  for (const alpha3 of Object.keys(countries.getAlpha3Codes()).map((a3) => a3)) {
    for (const lang of ['ar', 'en'] as const) {
      if (!countryName(alpha3, lang)) continue;
      for (const name of countries.getName(alpha3, lang, { select: 'all' }) ?? []) {
        index.add(phraseOf(name), { country: alpha3, kind: 'name', countries: [alpha3] });
      }
    }
  }
  return index;
}

function loadEnglishNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of rows('data/places-en.csv')) {
    if (row.kind === 'name' && !names.has(row.country))
      names.set(row.country, row.words.split(/\s+/)[0].replace(/-/g, ' '));
  }
  return names;
}

/** The short English name: "United States", not "United States of America". */
function englishLabel(names: Map<string, string>): (code: string) => string {
  return (code) => names.get(code) ?? countryName(code, 'en') ?? code;
}

export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
