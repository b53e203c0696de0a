import { formatDate, parseCalendarDate } from '@libs/temporal';
import type { TimelineItem } from '@libs/projections';

type Actor = TimelineItem['actors'][number];
type Location = NonNullable<TimelineItem['location']>;

/** "Emmanuel Macron (FRA, initiator)". */
export function actorText(actor: Actor): string {
  return `${actor.name} (${actor.country}, ${actor.role})`;
}

/** "Astana (KAZ)", or the bare name when the location has no country. */
export function locationText(location: Location): string {
  return location.country ? `${location.name} (${location.country})` : location.name;
}

/** "042 Make a visit": the CAMEO code and its label. */
export function typeText(item: TimelineItem): string {
  return item.typeLabel ? `${item.type} ${item.typeLabel}` : item.type;
}

/** The date as the source wrote it and what it was resolved to, e.g. `"last week" (2023-W43)`. */
export function dateText(item: TimelineItem): string {
  const { expression, timex } = item.date;
  return expression ? `"${expression}" (${timex})` : timex;
}

/** The source the item rests on: the API gives one per item today, the shape allows more. */
export function firstSource(item: TimelineItem): TimelineItem['sources'][number] | undefined {
  return item.sources[0];
}

/** `date` (YYYY-MM-DD) moved by `days`, with libs/temporal's calendar (proleptic Gregorian, any year). */
export function addDays(date: string, days: number): string {
  const day = parseCalendarDate(date);
  if (day === undefined) throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
  return formatDate(day + days);
}
