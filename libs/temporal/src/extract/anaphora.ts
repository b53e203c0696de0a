import { type DayNumber, addMonths, isoWeekday, parseCalendarDate } from '../calendar';
import { WEEKDAYS } from '../lexicon/weekdays.lexicon';
import { dayResolution, monthResolution, yearResolution } from '../resolution';
import type { Resolution } from '../temporal.types';
import type { Mention } from './mention.types';

/** "the following year", "the following month": counted from the date the text named last, not the anchor. */
const FOLLOWING = /^the following (year|month)$/i;
/** "that year", "later that year": the year named last. */
const THAT_YEAR = /^(?:(?:later|earlier) )?that year$/i;
/** "the previous Friday": the one before the day named last ("up from Friday's close … the previous Friday"). */
const PREVIOUS_WEEKDAY = /^the previous (\p{L}+)$/iu;
/** A date of year, month or day precision (not a week or a vague reference): what "the following …" counts from. */
const NAMED_DATE = /^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$/;

/**
 * Narrative news dates a story in its own time ("On May 22, 1995, he was promoted, and the following year he
 * was posted to Washington"): "the following year/month" is the one after the date named last ("last year …
 * the following year" is this year), "that year" is its year and "the previous Friday" the Friday before it.
 * With no date named before, each keeps its reading against the anchor.
 */
export function withNarrativeReference(mentions: readonly Mention[]): Mention[] {
  let named: { year: number; month?: number; day?: DayNumber } | undefined;
  return mentions.map((mention) => {
    const read = named && narrativeReading(mention, named);
    if (read) return { ...mention, resolution: { ...read, direction: mention.resolution.direction } };
    const date = NAMED_DATE.exec(mention.resolution.timex);
    if (date) {
      const month = date[2] === undefined ? undefined : Number(date[2]);
      named = { year: Number(date[1]), month, day: parseCalendarDate(mention.resolution.timex) };
    }
    return mention;
  });
}

function narrativeReading(
  { text }: Mention,
  named: { year: number; month?: number; day?: DayNumber },
): Resolution | undefined {
  const following = FOLLOWING.exec(text)?.[1]?.toLowerCase();
  if (following === 'year' || (following === 'month' && named.month === undefined))
    return yearResolution(named.year + 1);
  if (following === 'month' && named.month !== undefined)
    return monthResolution(addMonths({ year: named.year, month: named.month }, 1));
  if (THAT_YEAR.test(text)) return yearResolution(named.year);
  const weekday = WEEKDAYS.get(PREVIOUS_WEEKDAY.exec(text)?.[1]?.toLowerCase() ?? '');
  if (weekday === undefined || named.day === undefined) return undefined;
  const back = (isoWeekday(named.day) - weekday + 7) % 7 || 7;
  return dayResolution(named.day - back);
}
