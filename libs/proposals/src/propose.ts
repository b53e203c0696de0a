import { extract, type Mention } from '@libs/temporal';
import type { ProposeInput, Proposal, ProposedDate, ProposedPlace, Proposals } from './proposal.types';
import { ArticleActors, withRoles } from './article-actors';
import { findCue, type CueMatch } from './cues';
import { loadLexicon } from './lexicon';
import { splitSentences, type Sentence } from './sentences';
import { wordsOf } from './words';
import { scoreProposal } from './confidence';
import { statusOf } from './status';
import { datedOffices, withDataRegistry } from './offices';

/**
 * What a proposer version reads beyond the text and the registry given. A version is never changed once released:
 * decisions record the version they saw, and an article shows a decided proposal as that version proposes it.
 */
export interface ProposerSettings {
  readonly version: string;
  /** The data registry: offices with dates and the holders' spellings (data/actor-offices.csv, actor-aliases.csv). */
  readonly datedOffices: boolean;
  /** A hyphen joins the words of a name read after a title ("Kazakh President Kassym-Jomart Tokayev"). */
  readonly hyphenatedNames: boolean;
}

export const PROPOSALS_1: ProposerSettings = { version: 'proposals-1', datedOffices: false, hyphenatedNames: false };
export const PROPOSALS_2: ProposerSettings = { version: 'proposals-2', datedOffices: true, hyphenatedNames: true };

/** The current version: what `propose` runs and new articles are proposed with. */
export const PROPOSER_VERSION = PROPOSALS_2.version;

/** A statement's date may be carried to at most this many following statements without one of their own. */
const MAX_CARRY = 4;
/** Agreements are signed together: every actor is a participant. */
const JOINT_CODES = new Set(['057']);
const BOTH = /\b(?:the two|both|the sides)\b|الزوجان|الجانبان|الطرفان|الزعيمان/i;

/**
 * Every dated statement of an article, as suggestions: a sentence with a CAMEO cue and a date of its own,
 * or a cue right after such a statement (the date carried: "During the meeting, the two signed…").
 */
export function propose(input: ProposeInput): Proposals {
  return proposeWith(PROPOSALS_2, input);
}

export function proposeWith(settings: ProposerSettings, input: ProposeInput): Proposals {
  const lexicon = loadLexicon();
  const extraction = extract(input.text, input.publishedAt, input.language);
  const words = wordsOf(input.text);
  const offices = settings.datedOffices ? datedOffices() : null;
  const registry = offices ? withDataRegistry(input.registry ?? [], offices) : (input.registry ?? []);
  const actors = new ArticleActors(input.text, words, registry, lexicon, {
    offices: offices ? { data: offices, on: input.publishedAt } : null,
    hyphenatedNames: settings.hyphenatedNames,
  });
  const proposals: Proposal[] = [];
  let carry = null as { proposal: Proposal; count: number } | null;
  let w = 0;
  let m = 0;
  for (const sentence of splitSentences(input.text)) {
    while (w < words.length && words[w].start < sentence.start) w++;
    let to = w;
    while (to < words.length && words[to].end <= sentence.end) to++;
    while (m < extraction.mentions.length && extraction.mentions[m].start < sentence.start) m++;
    const mentions: Mention[] = [];
    for (let k = m; k < extraction.mentions.length && extraction.mentions[k].end <= sentence.end; k++) {
      mentions.push(extraction.mentions[k]);
    }
    const cue = findCue(words.slice(w, to), lexicon.cues);
    const carriedCount: number = carry?.count ?? 0;
    const carried = carry && carriedCount < MAX_CARRY ? carry.proposal : null;
    if (!cue || (mentions.length === 0 && !carried)) {
      carry = null;
      continue;
    }
    const date = mentions.length > 0 ? ownDate(mentions[0]) : { ...(carried as Proposal).date, carried: true };
    const proposal = build(
      sentence,
      mentions,
      date,
      cue,
      actors,
      [w, to],
      mentions.length > 0 ? null : carried,
      input.publishedAt,
    );
    proposals.push(proposal);
    carry = { proposal, count: mentions.length > 0 ? 0 : carriedCount + 1 };
  }
  return { extractorVersion: settings.version, language: extraction.language, proposals };
}

function ownDate(mention: Mention): ProposedDate {
  const { start, end, precision, timex, direction } = mention.resolution;
  return {
    expression: mention.text,
    start,
    end,
    precision,
    timex,
    direction,
    offset: { start: mention.start, end: mention.end },
    carried: false,
  };
}

function build(
  sentence: Sentence,
  mentions: readonly Mention[],
  date: ProposedDate,
  cue: CueMatch,
  actors: ArticleActors,
  [from, to]: [number, number],
  carried: Proposal | null,
  publishedAt: string,
): Proposal {
  const here = actors.inSentence(from, to);
  let found = here.found;
  let place: ProposedPlace | null = here.place;
  if (carried) {
    // "وقع الزوجان" (the two signed): the people of the statement this one continues.
    // With no person of its own the sentence continues its subject ("ومن المقرر أن يتوجه"): the earlier
    // initiator comes first.
    // "the two", "الزوجان": everyone of the statement before.
    const people = found.filter((a) => a.kind === 'person');
    const both = BOTH.test(sentence.text);
    const earlier = carried.actors
      .filter((a) => a.kind === 'person' && !people.some((p) => p.name === a.name))
      .filter((a) => both || people.length === 1 || (people.length === 0 && a.role !== 'target'))
      .map(({ role: _role, ...a }) => ({
        ...a,
        evidence: 'carried' as const,
        at: people.length === 0 ? -1 : Number.MAX_SAFE_INTEGER,
      }));
    found = [...found, ...earlier];
    place ??= carried.place;
  }
  const type = {
    code: cue.entry.code,
    root: cue.entry.root,
    name: cue.entry.name,
    cue: {
      text: sentence.text.slice(cue.start - sentence.start, cue.end - sentence.start),
      start: cue.start,
      end: cue.end,
      entry: cue.entry.entry,
    },
  };
  const proposed = withRoles(found, JOINT_CODES.has(type.code));
  if (!place && type.root === '04') {
    const visited = proposed.find((a) => a.kind === 'country' && a.role !== 'initiator');
    if (visited) place = { name: visited.matchedText, country: visited.country, matchedText: visited.matchedText };
  }
  const status = statusOf(sentence.text, date, carried, publishedAt);
  const { confidence, reasons } = scoreProposal({ mentions, date, cue, actors: proposed });
  return {
    id: `p${sentence.start}-${sentence.end}`,
    quote: { text: sentence.text, start: sentence.start, end: sentence.end },
    mentions,
    date,
    type,
    actors: proposed,
    place,
    status,
    confidence,
    reasons,
  };
}
