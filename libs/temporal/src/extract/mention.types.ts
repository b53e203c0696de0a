import type { Direction, Resolution } from '../temporal.types';

export type Language = 'ar' | 'en';

/** TIMEX3 `mod` of "early/mid/late …": the value names the month or year, the mod the part of it. */
export type TimexMod = 'START' | 'MID' | 'END';

/**
 * What `resolve` gives, plus the direction the expression was read in. For "early/mid/late …" the timex is the
 * TIMEX3 value (the month or year) with `mod`, where `resolve` gives an ISO interval; start/end are the same.
 */
export interface MentionResolution extends Resolution {
  readonly direction: Direction;
  readonly mod?: TimexMod;
}

/**
 * One calendar expression found in a text. `start`/`end` are JavaScript string indexes (UTF-16) into the
 * text, `text === input.slice(start, end)`. `cue` names the word that set the direction (`null`: the news
 * default, past). An ambiguous mention carries the readings it did not choose, so an editor can.
 */
export interface Mention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly resolution: MentionResolution;
  readonly cue: string | null;
  readonly ambiguous?: true;
  readonly alternatives?: readonly Resolution[];
}

export interface Extraction {
  readonly language: Language;
  readonly mentions: readonly Mention[];
}
