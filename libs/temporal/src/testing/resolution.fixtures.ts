import type { Direction, Resolution } from '../temporal.types';

/** expression, anchor, direction, expected resolution. */
export type Row = [string, string, Direction, Resolution];

/** The article's anchor, a Wednesday. */
export const A = '2023-11-01';

export const day = (iso: string): Resolution => ({ start: iso, end: iso, precision: 'day', timex: iso });

export const days = (start: string, end: string): Resolution => ({
  start,
  end,
  precision: 'day',
  timex: `${start}/${end}`,
});

export const week = (timex: string, start: string, end: string): Resolution => ({
  start,
  end,
  precision: 'week',
  timex,
});

/** `month('2023-06', 30)` is June 2023, which ends on the 30th. */
export const month = (timex: string, lastDay: number): Resolution => ({
  start: `${timex}-01`,
  end: `${timex}-${lastDay}`,
  precision: 'month',
  timex,
});

export const months = (from: string, to: string, lastDay: number): Resolution => ({
  start: `${from}-01`,
  end: `${to}-${lastDay}`,
  precision: 'month',
  timex: `${from}/${to}`,
});

export const year = (value: number): Resolution => ({
  start: `${value}-01-01`,
  end: `${value}-12-31`,
  precision: 'year',
  timex: String(value),
});

export const pastRef = (start: string, end: string): Resolution => ({
  start,
  end,
  precision: 'vague',
  timex: 'PAST_REF',
});

export const futureRef = (start: string, end: string): Resolution => ({
  start,
  end,
  precision: 'vague',
  timex: 'FUTURE_REF',
});
