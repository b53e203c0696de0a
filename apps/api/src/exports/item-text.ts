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

/** `date` (YYYY-MM-DD) moved by `days`, on the proleptic Gregorian calendar (years below 100 included). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const moved = new Date(0);
  moved.setUTCFullYear(year, month - 1, day + days);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}
