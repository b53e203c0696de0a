import { type DayNumber, parseCalendarDate } from '../calendar';
import { WEEKDAYS } from '../lexicon/weekdays.lexicon';
import { normalize } from '../normalize';
import { firstMatch } from '../resolve';
import { ExpressionRejected, type Reading, type RuleContext } from '../rules/rule';
import { InvalidAnchorError } from '../temporal.errors';
import type { Direction, Resolution } from '../temporal.types';
import { directionAt } from './direction';
import { isPlausible } from './plausibility';
import { detectLanguage, prefersDayFirst } from './language';
import type { Extraction, Language, Mention } from './mention.types';
import { EXTRACT_RULES } from './rules';
import { withQuarterReference, withTimexMod } from './refine';
import { withNarrativeReference } from './anaphora';
import { rewriteSynonyms } from './synonyms';
import { type Token, tokenize } from './tokens';
import { isConnector, isKnownWord, mayBeTemporal, mayEnd } from './vocabulary';

/** The longest expression, in words, that the search tries ("from the 13th to the 15th of July 2023"). */
const MAX_WORDS = 9;
/** What may stand between two words of one expression: spaces, commas, brackets, dashes, slashes, dots. */
const JOINER = /^[\s,،()[\]\-–—/.']*$/u;
/** Prepositions left outside a mention's span when the rest reads the same (TimeML spans exclude them). */
const OUTSIDE = new Set(
  ['in', 'on', 'at', 'during', 'and', 'by', 'في', 'خلال', 'مع', 'و', 'منذ', 'since', 'الموافق'].map(normalize),
);

const WEEKDAY_WORDS = new Set(WEEKDAYS.keys());

interface Search {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly anchor: DayNumber;
  readonly dayFirst: boolean;
  /** Readings already made in this call, by direction and normalised words: windows are read more than once. */
  readonly readings: Map<string, Reading | undefined>;
}

/**
 * Every calendar expression in `text`, resolved against `anchor` (YYYY-MM-DD, usually the publication
 * date). Pure and deterministic; `language` is detected from the script when absent.
 */
export function extract(text: string, anchor: string, language?: Language): Extraction {
  const anchorDay = parseCalendarDate(anchor);
  if (anchorDay === undefined) throw new InvalidAnchorError(anchor);
  const lang = language ?? detectLanguage(text);
  const tokens = tokenize(text, isKnownWord);
  const search: Search = {
    text,
    tokens,
    anchor: anchorDay,
    dayFirst: prefersDayFirst(text, lang),
    readings: new Map(),
  };
  const mentions: Mention[] = [];
  for (const [first, end] of runs(search)) mentions.push(...mentionsIn(search, first, end));
  return { language: lang, mentions: withNarrativeReference(withQuarterReference(mentions, anchor, text)) };
}

/** Maximal stretches of tokens that may belong to a date expression: [first, end) token indexes. */
function runs({ text, tokens }: Search): Array<readonly [number, number]> {
  const found: Array<readonly [number, number]> = [];
  let start = -1;
  tokens.forEach((token, index) => {
    const member = mayBeTemporal(token.word, token.raw, text.slice(token.end, token.end + 3));
    const joined = start >= 0 && JOINER.test(text.slice(tokens[index - 1]?.end ?? 0, token.start));
    if (member && !joined) {
      if (start >= 0) found.push([start, index]);
      start = index;
    } else if (!member && start >= 0) {
      found.push([start, index]);
      start = -1;
    }
  });
  if (start >= 0) found.push([start, tokens.length]);
  return found.filter(([first, end]) => tokens.slice(first, end).some((token) => !isConnector(token.word)));
}

/** Left to right, the longest window that resolves; then on after it. */
function mentionsIn(search: Search, first: number, end: number): Mention[] {
  const mentions: Mention[] = [];
  let start = first;
  while (start < end) {
    const found = longestAt(search, start, end);
    if (found) {
      mentions.push(found.mention);
      start = found.next;
    } else {
      start++;
    }
  }
  return mentions;
}

function longestAt(search: Search, first: number, end: number): { mention: Mention; next: number } | undefined {
  const { tokens } = search;
  if (tokens[first]?.word === '-') return undefined;
  for (let last = Math.min(end, first + MAX_WORDS) - 1; last >= first; last--) {
    if (!mayEnd(tokens[last]?.word ?? '') && !endsSpokenNumber(search, last)) continue;
    // Rules recognise a window in either direction; the cue is looked for only once one does.
    const past = readWindow(search, first, last, 'past');
    if (!past) continue;
    const cue = directionAt(tokens, first, last, search.text);
    const reading = cue.direction === 'past' ? past : readWindow(search, first, last, cue.direction);
    if (!reading || !isPlausible(search, first, last, reading)) continue;
    const choice = chooseSide(search, first, last, reading, cue.direction, cue.cue !== null);
    const start = trimOutside(search, first, last, choice.reading, choice.direction);
    const stated = choice.direction === cue.direction ? cue.cue : null;
    return { mention: mentionOf(search, start, last, choice, stated), next: last + 1 };
  }
  return undefined;
}

interface Choice {
  readonly reading: Reading;
  readonly direction: Direction;
  readonly others: readonly Resolution[];
}

/**
 * A weekday follows the cue (past when there is none: news reports what happened). A yearless date, month,
 * season or holiday is read on the other side of the anchor from the cue (or the past default) when it lies
 * less than half as far there ("Nov. 21" written on 2 November is ahead; "June" written in November behind);
 * such a mention keeps the reading it set aside and is marked ambiguous, as is a bare weekday without a cue.
 * After "since" or "ended" the date stays behind the anchor, as it does, without a cue, when it opens a
 * sentence before a comma to set the scene ("In January, the board hired …").
 */
function chooseSide(
  search: Search,
  first: number,
  last: number,
  read: Reading,
  side: Direction,
  cued: boolean,
): Choice {
  const otherSide: Direction = side === 'past' ? 'future' : 'past';
  const other = readWindow(search, first, last, otherSide);
  if (
    !other ||
    (other.start === read.start && other.end === read.end) ||
    (side === 'past' && sinceOrEnded(search, first))
  )
    return { reading: read, direction: side, others: [] };
  if (isBareWeekday(search, first, last))
    return { reading: read, direction: side, others: cued ? [] : [stripped(other)] };
  // "the 15th" written on the 1st stays with the cue. Quarters and halves lean to the past (results news
  // reports the ones behind it): they move ahead only on a cue, and back even against one.
  const quarter = /-[QH]\d$/.test(read.timex);
  const nearer = 2 * distance(other, search.anchor) < distance(read, search.anchor);
  const scene = side === 'past' && !cued && setsTheScene(search, first, last);
  const flip = nearer && !scene && (!quarter || side === 'future');
  const [reading, rest] = flip ? [other, read] : [read, other];
  return { reading, direction: flip ? otherSide : side, others: flip ? [stripped(rest)] : [] };
}

/** "since February", "the year ended Jan. 31": the date is behind the writer whatever its distance. */
const PAST_OPENERS = new Set(['since', 'ended', 'منذ']);

function sinceOrEnded({ tokens }: Search, first: number): boolean {
  return [tokens[first]?.word, tokens[first - 1]?.word].some((word) => PAST_OPENERS.has(word ?? ''));
}

/** "In January, …", "Last spring, …": a date that opens a sentence, before a comma, sets a narrative's scene. */
function setsTheScene({ text, tokens }: Search, first: number, last: number): boolean {
  const [head, tail] = [tokens[first], tokens[last]];
  if (!head || !tail || text[tail.end] !== ',') return false;
  const before = text.slice(Math.max(0, head.start - 4), head.start);
  return /^\p{Lu}/u.test(head.raw) && /(?:^|[.!?\n])\s*["“'`]*\s*$/.test(before);
}

function distance({ start, end }: Resolution, anchor: DayNumber): number {
  const [first, last] = [parseCalendarDate(start) ?? anchor, parseCalendarDate(end) ?? anchor];
  return first > anchor ? first - anchor : last < anchor ? anchor - last : 0;
}

/** Drops a leading preposition when the rest resolves the same ("in June" → "June"). */
function trimOutside(search: Search, first: number, last: number, reading: Reading, direction: Direction): number {
  let start = first;
  while (start < last && OUTSIDE.has(search.tokens[start]?.word ?? '')) {
    const rest = readWindow(search, start + 1, last, direction);
    if (!rest || rest.timex !== reading.timex || rest.start !== reading.start) break;
    start++;
  }
  return start;
}

function windowText({ tokens }: Search, first: number, last: number): [number, number] {
  const [a, b] = [tokens[first], tokens[last]];
  return a && b ? [a.start + a.clitic, b.end] : [0, 0];
}

function readWindow(search: Search, first: number, last: number, direction: Direction): Reading | undefined {
  const [start, end] = windowText(search, first, last);
  const normalized = rewriteSynonyms(normalize(search.text.slice(start, end)));
  if (normalized === '') return undefined;
  const key = `${direction} ${normalized}`;
  if (search.readings.has(key)) return search.readings.get(key);
  const reading = firstReading(normalized, { anchor: search.anchor, direction, dayFirst: search.dayFirst });
  search.readings.set(key, reading);
  return reading;
}

function firstReading(normalized: string, context: RuleContext): Reading | undefined {
  try {
    return firstMatch(normalized, context, EXTRACT_RULES);
  } catch (error) {
    if (error instanceof ExpressionRejected) return undefined;
    throw error;
  }
}

function mentionOf(search: Search, first: number, last: number, choice: Choice, cue: string | null): Mention {
  const [start, close] = windowText(search, first, last);
  // "اليوم (الخميس)": keep the bracket the expression opened.
  const end = /\([^)]*$/.test(search.text.slice(start, close)) && search.text[close] === ')' ? close + 1 : close;
  const { alternatives = [], ...resolution } = choice.reading;
  const others = [...alternatives, ...choice.others];
  const mention: Mention = {
    text: search.text.slice(start, end),
    start,
    end,
    resolution: {
      ...withTimexMod(resolution, rewriteSynonyms(normalize(search.text.slice(start, close))).split(' ')),
      direction: choice.direction,
    },
    cue,
  };
  return others.length === 0 ? mention : { ...mention, ambiguous: true, alternatives: others };
}

function stripped({ start, end, precision, timex }: Reading): Resolution {
  return { start, end, precision, timex };
}

/**
 * "nineteen ninety-one", "a year or two": a number word ends an expression after a hyphen or "or", though
 * "one" and "two" alone never end one.
 */
function endsSpokenNumber({ tokens }: Search, last: number): boolean {
  return ['-', 'or'].includes(tokens[last - 1]?.word ?? '') && /^(?:one|two)$/.test(tokens[last]?.word ?? '');
}

/** A weekday without a date or a modifier: "on Thursday" could lie on either side of the anchor. */
function isBareWeekday(search: Search, first: number, last: number): boolean {
  const words = wordsOf(search, first, last);
  return words.length <= 3 && words.every((word) => !/\d/.test(word)) && words.some((w) => WEEKDAY_WORDS.has(w));
}

function wordsOf({ tokens }: Search, first: number, last: number): string[] {
  return tokens.slice(first, last + 1).map((token) => token.word);
}
