import { normalize } from '../normalize';
import type { Direction } from '../temporal.types';
import type { Token } from './tokens';

interface Cue {
  readonly words: readonly string[];
  readonly direction: Direction;
}

function cues(direction: Direction, phrases: readonly string[]): Cue[] {
  return phrases.map((phrase) => ({ words: normalize(phrase).split(' '), direction }));
}

/** Words that tie a date to what is still to come, or to what was reported. Longest phrases first. */
const CUES: readonly Cue[] = [
  ...cues('future', [
    'will',
    'll',
    'shall',
    'is due',
    'are due',
    'due to',
    'is expected to',
    'are expected to',
    'is scheduled',
    'are scheduled',
    'scheduled to',
    'scheduled for',
    'scheduled',
    'set to',
    'planned to',
    'planning to',
    'plans to',
    'planning',
    'as soon as',
    'as early as',
    'expected to',
    'would be traveling',
    'is set to',
    'are set to',
    'plans to',
    'plan to',
    'planned for',
    'is to',
    'are to',
    'going to',
    'upcoming',
    'intends to',
    'until',
    'expect',
    'expects',
    'anticipate',
    'anticipates',
    'forecast',
    'forecasts',
    'predict',
    'predicts',
    'would be held',
    'سوف',
    'من المقرر',
    'المقرر',
    'من المنتظر',
    'المنتظر',
    'المرتقب',
    'المرتقبة',
    'المزمع',
    'المزمعة',
    'يعتزم',
    'تعتزم',
    'ينوي',
    'تنوي',
    'يتوقع ان',
    'يرتقب',
    'سيتم',
  ]),
  ...cues('past', [
    'said',
    'told',
    'announced',
    'reported',
    'was',
    'were',
    'had',
    'did',
    'ago',
    'met',
    'visited',
    'signed',
    'قال',
    'قالت',
    'اعلن',
    'اعلنت',
    'اكد',
    'اكدت',
    'ذكر',
    'ذكرت',
    'اضاف',
    'اوضح',
    'التقى',
    'زار',
    'زارت',
    'وقع',
    'وقعت',
    'عقد',
    'عقدت',
    'شارك',
    'كشف',
    'ابدى',
    'اعرب',
    'صرح',
    'افاد',
    'جرى',
    'جرت',
    'كان',
    'كانت',
  ]),
].sort((a, b) => b.words.length - a.words.length);

/**
 * Cues by their last word, longest first: the search looks a word up instead of trying every cue, and a
 * cue of several words counts from its last word ("as soon as Tuesday" is one word away).
 */
const CUES_BY_LAST_WORD = new Map<string, Cue[]>();
for (const cue of CUES) {
  const last = cue.words.at(-1) ?? '';
  CUES_BY_LAST_WORD.set(last, [...(CUES_BY_LAST_WORD.get(last) ?? []), cue]);
}

// An Arabic imperfect verb with the future prefix س ("سيزور", "ستعقد"), minus common nouns that look alike.
const ARABIC_FUTURE_VERB = /^س[يتنا][\u0600-\u06ff]{3,}$/;
// Nouns and names: سياسة، سيارة، سنوات، ستة، سيرغي، ستيفن …
const NOT_VERBS =
  /^(سياس|سيار|سيطر|سنو|سنه|سنغا|سته|ستين|سيد|سينا|سيول|سياح|ستار|ستراتيج|سيبير|سيرغ|سيرج|ستيف|سيمو|ستال|سيئ|ستوكهو|سيول)/;
// A sentence ends at a full stop followed by a capital (or Arabic), not at "U.S." or "D.C. on".
const SENTENCE_BREAK = /[!?؟\n؛;]|\.(?=\s+[\p{Lu}\u0600-\u06ff"“])/u;
const LOOK_BEHIND = 10;
const LOOK_AHEAD = 5;
/** "قال الأحد إن الرئيس سيزور …", "said Sunday that he will …": what follows belongs to another clause. */
const COMPLEMENTIZERS = new Set(['ان', 'that']);
/** Pronouns joined to an Arabic past verb: "عقده" (held it), "زارها", "أعلنوا". */
const VERB_SUFFIXES = ['هما', 'ها', 'هم', 'ه', 'وا', 'ت'];

export interface DirectionChoice {
  readonly direction: Direction;
  /** The cue as written, or null for the news default (past). */
  readonly cue: string | null;
}

/**
 * The nearest cue in the same sentence, up to ten words before the expression or five after it; ties go to
 * the earlier one. Without a cue, news reports what happened: past.
 */
export function directionAt(tokens: readonly Token[], first: number, last: number, text: string): DirectionChoice {
  let ahead = LOOK_AHEAD;
  for (let distance = 1; distance <= LOOK_BEHIND; distance++) {
    const before = first - distance;
    if (before >= 0 && !crossesSentence(tokens, before, first, text)) {
      const found = cueAt(tokens, before, text);
      if (found) return found;
    }
    const after = last + distance;
    if (distance <= ahead && after < tokens.length && !crossesSentence(tokens, last, after, text)) {
      const found = cueAt(tokens, after, text);
      if (found) return found;
      if (COMPLEMENTIZERS.has(tokens[after]?.word ?? '')) ahead = distance;
    }
  }
  return { direction: 'past', cue: null };
}

function crossesSentence(tokens: readonly Token[], from: number, to: number, text: string): boolean {
  const [a, b] = [tokens[from], tokens[to]];
  return a !== undefined && b !== undefined && SENTENCE_BREAK.test(text.slice(a.end, b.start));
}

/** "Until Thursday, they had …", "not until Tuesday", "up until": looking back, not ahead. */
function untilLooksBack(tokens: readonly Token[], index: number, text: string): boolean {
  const previous = tokens[index - 1];
  // The break's look-ahead needs the capital that opens "Until".
  const opensSentence = !previous || SENTENCE_BREAK.test(text.slice(previous.end, (tokens[index]?.start ?? 0) + 1));
  return opensSentence || previous.word === 'up' || previous.word === 'not';
}

function cueAt(tokens: readonly Token[], index: number, text: string): DirectionChoice | undefined {
  const word = tokens[index]?.word ?? '';
  if (word === 'until' && untilLooksBack(tokens, index, text)) return undefined;
  if (ARABIC_FUTURE_VERB.test(word) && !NOT_VERBS.test(word))
    return { direction: 'future', cue: tokens[index]?.raw ?? word };
  for (const cue of CUES_BY_LAST_WORD.get(word) ?? []) {
    const from = index - cue.words.length + 1;
    if (cue.words.every((w, k) => tokens[from + k]?.word === w)) {
      const start = (tokens[from]?.start ?? 0) + (tokens[from]?.clitic ?? 0);
      return { direction: cue.direction, cue: text.slice(start, tokens[index]?.end ?? 0) };
    }
  }
  return arabicPastVerb(word) ? { direction: 'past', cue: tokens[index]?.raw ?? word } : undefined;
}

function arabicPastVerb(word: string): boolean {
  const stem = VERB_SUFFIXES.filter((suffix) => word.endsWith(suffix)).map((suffix) => word.slice(0, -suffix.length));
  return stem.some((verb) => verb.length >= 3 && (CUES_BY_LAST_WORD.get(verb) ?? []).some(isPastWord));
}

function isPastWord(cue: Cue): boolean {
  return cue.direction === 'past' && cue.words.length === 1 && /^[\u0600-\u06ff]/.test(cue.words[0] ?? '');
}
