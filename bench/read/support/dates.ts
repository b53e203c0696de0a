import type { EventDate } from '@libs/diplomacy';
import type { Random } from './random';
import { MONTHS, type Lang } from './vocabulary';

const DAY_MS = 86_400_000;
/** 30 years of news: 1995-01-01 to 2024-12-31. */
const FIRST_DAY = Date.UTC(1995, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2024, 11, 31) / DAY_MS;

type Dated = Pick<EventDate, 'start' | 'end' | 'precision' | 'timex'> & { expression: Record<Lang, string> };

const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** An event date as the resolver would have stored it: mostly days, some weeks, months and whole years. */
export function randomEventDate(random: Random, lang: Lang): EventDate {
  const day = random.int(FIRST_DAY, LAST_DAY);
  const precision = random.weighted<EventDate['precision']>([
    ['day', 60],
    ['week', 10],
    ['month', 20],
    ['year', 10],
  ]);
  const dated =
    precision === 'week'
      ? week(day)
      : precision === 'month'
        ? month(day)
        : precision === 'year'
          ? year(day)
          : single(day);
  const published = Date.parse(`${dated.end}T00:00:00Z`) / DAY_MS + random.int(0, 3);
  return {
    expression: dated.expression[lang],
    anchor: iso(published),
    direction: random.chance(0.7) ? 'past' : null,
    start: dated.start,
    end: dated.end,
    precision: dated.precision,
    timex: dated.timex,
  };
}

function single(day: number): Dated {
  const d = new Date(day * DAY_MS);
  const [m, dd, y] = [d.getUTCMonth(), d.getUTCDate(), d.getUTCFullYear()];
  return {
    start: iso(day),
    end: iso(day),
    precision: 'day',
    timex: iso(day),
    expression: { en: `on ${dd} ${MONTHS.en[m]} ${y}`, ar: `في ${dd} ${MONTHS.ar[m]} ${y}` },
  };
}

/** ISO 8601 week: Monday to Sunday, numbered by the year that holds its Thursday. */
function week(day: number): Dated {
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
  const monday = day - weekday;
  const thursday = new Date((monday + 3) * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const n = Math.floor((monday + 3 - Date.UTC(isoYear, 0, 1) / DAY_MS) / 7) + 1;
  const first = new Date(monday * DAY_MS);
  const [dd, m] = [first.getUTCDate(), first.getUTCMonth()];
  return {
    start: iso(monday),
    end: iso(monday + 6),
    precision: 'week',
    timex: `${isoYear}-W${pad(n)}`,
    expression: {
      en: `the week of ${dd} ${MONTHS.en[m]} ${first.getUTCFullYear()}`,
      ar: `أسبوع ${dd} ${MONTHS.ar[m]} ${first.getUTCFullYear()}`,
    },
  };
}

function month(day: number): Dated {
  const d = new Date(day * DAY_MS);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  return {
    start: `${y}-${pad(m + 1)}-01`,
    end: iso(Date.UTC(y, m + 1, 0) / DAY_MS),
    precision: 'month',
    timex: `${y}-${pad(m + 1)}`,
    expression: { en: `in ${MONTHS.en[m]} ${y}`, ar: `في ${MONTHS.ar[m]} ${y}` },
  };
}

function year(day: number): Dated {
  const y = new Date(day * DAY_MS).getUTCFullYear();
  return {
    start: `${y}-01-01`,
    end: `${y}-12-31`,
    precision: 'year',
    timex: String(y),
    expression: { en: `in ${y}`, ar: `في عام ${y}` },
  };
}
