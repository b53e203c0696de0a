import { DAY_OFFSETS, CLITICS, LEADING_FILLERS, TRAILING_FILLERS } from './lexicon/relative.lexicon';
import { MONTHS } from './lexicon/months.lexicon';
import { WEEKDAYS } from './lexicon/weekdays.lexicon';

/** Words a clitic may be peeled off to reach ("ويونيو" → "يونيو", "وفي" → "في"); "ال…" always qualifies. */
const CLITIC_TARGETS = new Set(
  [...MONTHS.keys(), ...WEEKDAYS.keys(), ...DAY_OFFSETS.keys(), ...LEADING_FILLERS.keys()].flatMap((w) => w.split(' ')),
);

/**
 * The normalised expression, then shorter readings with leading particles ("في", "منذ", "on", "يوم"),
 * joined clitics and trailing times of day peeled off one by one. Rules try the longest reading first,
 * so a particle that carries meaning ("منذ ثلاثة أيام" = three days ago) is seen before it is dropped.
 */
export function candidates(text: string): string[] {
  const readings: string[] = [];
  let tokens: string[] | undefined = text.split(' ');
  while (tokens) {
    readings.push(tokens.join(' '));
    const last = tokens.at(-1);
    if (tokens.length > 1 && last !== undefined && TRAILING_FILLERS.has(last)) {
      readings.push(tokens.slice(0, -1).join(' '));
    }
    tokens = peelFirst(tokens);
  }
  return [...new Set(readings)];
}

function peelFirst([first = '', ...rest]: readonly string[]): string[] | undefined {
  if (rest.length > 0 && LEADING_FILLERS.has(first)) return rest;
  for (const clitic of CLITICS) {
    const stem = first.slice(clitic.length);
    if (first.startsWith(clitic) && !CLITIC_TARGETS.has(first) && (stem.startsWith('ال') || CLITIC_TARGETS.has(stem))) {
      return [stem, ...rest];
    }
  }
  return undefined;
}
