import { describe, it, expect } from '@jest/globals';
import { InvalidAnchorError, TemporalError, UnresolvableExpressionError, resolve } from './index';
import { A } from './testing/resolution.fixtures';

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

// expression, what the message must say
const unresolvable: Array<[string, string]> = [
  ['', 'no date expression'],
  ['   ', 'no date expression'],
  ['،،، !!', 'no date expression'],
  ['foo', 'no date expression recognised in "foo"'],
  ['كلام فارغ', 'no date expression recognised'],
  ['في', 'no date expression recognised'],
  ['يوم', 'no date expression recognised'],
  ['next', 'no date expression recognised'],
  ['12', 'no date expression recognised'],
  ['عام 1445 هـ', 'no date expression recognised'],
  ['the meeting on Wednesday', 'no date expression recognised'],
  ['يونيو/أيار', 'paired month names disagree'],
  ['في مايو/حزيران الماضي', 'paired month names disagree'],
  ['May/June 2023', 'paired month names disagree'],
  ['31 أبريل', 'month 4 has no day 31'],
  ['30 February', 'month 2 has no day 30'],
  ['29 February 2023', '2023-02-29 does not exist'],
  ['2023-02-30', 'no such calendar date'],
  ['الأربعاء 2 نوفمبر 2023', 'is a Thursday, not a Wednesday'],
  ['أمس الخميس', 'is a Tuesday, not a Thursday'],
  ['الخميس والخميس', 'the same weekday is named twice'],
  ['14-12 March', 'cannot end a span'],
];

const invalidAnchors = [
  '2023-02-30',
  '2023-02-29',
  '2021-02-29',
  '2023-04-31',
  '2023-13-01',
  '2023-00-01',
  '2023-11-00',
  '2023-11-1',
  '2023-11-01T00:00:00Z',
  '01/11/2023',
  '',
  ' 2023-11-01',
];

describe('resolve: failures', () => {
  it.each(unresolvable)('%s is unresolvable (%s)', (expression, reason) => {
    const error = errorOf(() => resolve(expression, A));
    expect(error).toBeInstanceOf(UnresolvableExpressionError);
    expect(error).toBeInstanceOf(TemporalError);
    expect(error).toMatchObject({ code: 'TEMPORAL.UNRESOLVABLE', name: 'UnresolvableExpressionError', expression });
    expect((error as Error).message).toContain(reason);
    expect((error as Error).message).toContain(`"${expression}"`);
  });

  it.each(invalidAnchors)('anchor "%s" is rejected', (anchor) => {
    const error = errorOf(() => resolve('أمس', anchor));
    expect(error).toBeInstanceOf(InvalidAnchorError);
    expect(error).toBeInstanceOf(TemporalError);
    expect(error).toMatchObject({ code: 'TEMPORAL.INVALID_ANCHOR', name: 'InvalidAnchorError', anchor });
  });

  it('checks the anchor before the expression', () => {
    expect(errorOf(() => resolve('', '2023-02-30'))).toBeInstanceOf(InvalidAnchorError);
  });
});
