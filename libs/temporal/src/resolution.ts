import {
  type DayNumber,
  type YearMonth,
  formatDate,
  isoWeekOf,
  monthEnd,
  monthStart,
  pad,
  toDayNumber,
  weekStart,
} from './calendar';
import type { Direction, Resolution } from './temporal.types';

export function dayResolution(day: DayNumber): Resolution {
  const iso = formatDate(day);
  return { start: iso, end: iso, precision: 'day', timex: iso };
}

/** Consecutive days; TIMEX3 has no value for a span, so the timex is an ISO 8601 interval. */
export function daySpanResolution(first: DayNumber, last: DayNumber): Resolution {
  if (first === last) return dayResolution(first);
  const [start, end] = [formatDate(first), formatDate(last)];
  return { start, end, precision: 'day', timex: `${start}/${end}` };
}

/** The ISO week (Monday to Sunday) that holds `day`. */
export function weekResolution(day: DayNumber): Resolution {
  const { isoYear, week } = isoWeekOf(day);
  const monday = weekStart(day);
  return {
    start: formatDate(monday),
    end: formatDate(monday + 6),
    precision: 'week',
    timex: `${pad(isoYear, 4)}-W${pad(week, 2)}`,
  };
}

export function monthResolution(month: YearMonth): Resolution {
  return {
    start: formatDate(monthStart(month)),
    end: formatDate(monthEnd(month)),
    precision: 'month',
    timex: monthTimex(month),
  };
}

/** Several months of one year ("early 2023" = January to April); the timex is a month interval. */
export function monthSpanResolution(year: number, first: number, last: number): Resolution {
  const [from, to] = [
    { year, month: first },
    { year, month: last },
  ];
  return {
    start: formatDate(monthStart(from)),
    end: formatDate(monthEnd(to)),
    precision: 'month',
    timex: `${monthTimex(from)}/${monthTimex(to)}`,
  };
}

export function yearResolution(year: number): Resolution {
  return {
    start: formatDate(toDayNumber(year, 1, 1)),
    end: formatDate(toDayNumber(year, 12, 31)),
    precision: 'year',
    timex: pad(year, 4),
  };
}

export function vagueResolution(first: DayNumber, last: DayNumber, side: Direction): Resolution {
  return {
    start: formatDate(first),
    end: formatDate(last),
    precision: 'vague',
    timex: side === 'past' ? 'PAST_REF' : 'FUTURE_REF',
  };
}

function monthTimex({ year, month }: YearMonth): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}
