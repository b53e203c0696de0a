import { addMonths } from '../calendar';
import { monthResolution, yearResolution } from '../resolution';
import type { Mention } from './mention.types';

/** "the following year", "the following month": counted from the date the text named last, not the anchor. */
const FOLLOWING = /^the following (year|month)$/i;
/** A date of year, month or day precision (not a week or a vague reference): what "the following …" counts from. */
const NAMED_DATE = /^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$/;

/**
 * Narrative news dates a story in its own time ("On May 22, 1995, he was promoted, and the following year he
 * was posted to Washington"): "the following year/month" is the one after the date named last ("last year …
 * the following year" is this year). With no date named before, it stays the one after the anchor.
 */
export function withNarrativeReference(mentions: readonly Mention[]): Mention[] {
  let named: { year: number; month?: number } | undefined;
  return mentions.map((mention) => {
    const following = FOLLOWING.exec(mention.text)?.[1]?.toLowerCase();
    if (following && named) {
      const month = named.month;
      const resolution =
        following === 'year' || month === undefined
          ? yearResolution(named.year + 1)
          : monthResolution(addMonths({ year: named.year, month }, 1));
      return { ...mention, resolution: { ...resolution, direction: mention.resolution.direction } };
    }
    const date = NAMED_DATE.exec(mention.resolution.timex);
    if (date) {
      named = { year: Number(date[1]), month: date[2] === undefined ? undefined : Number(date[2]) };
    }
    return mention;
  });
}
