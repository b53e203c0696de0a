import { alternation, lexicon } from './lexicon';

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = lexicon<number>([
  [1, ['الاثنين', 'الإثنين', 'monday', 'mon']],
  [2, ['الثلاثاء', 'الثلثاء', 'tuesday', 'tues', 'tue']],
  [3, ['الأربعاء', 'wednesday', 'wed']],
  [4, ['الخميس', 'thursday', 'thurs', 'thur', 'thu']],
  [5, ['الجمعة', 'friday', 'fri']],
  [6, ['السبت', 'saturday', 'sat']],
  [7, ['الأحد', 'sunday', 'sun']],
]);

export const WEEKDAY = alternation(WEEKDAYS.keys());

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
