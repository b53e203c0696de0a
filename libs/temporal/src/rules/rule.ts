import type { DayNumber } from '../calendar';
import type { Direction, Resolution } from '../temporal.types';

export interface RuleContext {
  readonly anchor: DayNumber;
  readonly direction: Direction;
  /** Numeric dates: read "01/02/2023" day first (Arabic, British English) or month first (US English). */
  readonly dayFirst?: boolean;
}

/** Recognises one family of expressions on the whole normalised text, or returns undefined to let others try. */
export type Rule = (text: string, context: RuleContext) => Resolution | undefined;

/**
 * Thrown by a rule that recognises the shape of an expression but finds its content impossible (a month
 * pair that disagrees, 31 April); `resolve` turns it into an UnresolvableExpressionError naming the input.
 */
export class ExpressionRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ExpressionRejected';
  }
}

export function reject(reason: string): never {
  throw new ExpressionRejected(reason);
}

/** A resolution that may carry the readings it did not choose (an ambiguous numeric date, a weekday clash). */
export interface Reading extends Resolution {
  readonly alternatives?: readonly Resolution[];
}

export type ReadingRule = (text: string, context: RuleContext) => Reading | undefined;
