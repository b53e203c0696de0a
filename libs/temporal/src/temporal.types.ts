export type Direction = 'past' | 'future';

export type Precision = 'day' | 'week' | 'month' | 'year' | 'vague';

/** A resolved expression: `start` and `end` are inclusive ISO dates (YYYY-MM-DD); `timex` is a TIMEX3 value. */
export interface Resolution {
  start: string;
  end: string;
  precision: Precision;
  timex: string;
}
