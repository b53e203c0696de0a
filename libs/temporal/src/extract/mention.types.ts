import type { Direction, Resolution } from '../temporal.types';

export type Language = 'ar' | 'en';

/** What `resolve` gives, plus the direction the expression was read in. */
export interface MentionResolution extends Resolution {
  readonly direction: Direction;
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
