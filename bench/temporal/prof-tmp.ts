import { readFileSync } from 'node:fs';
import { extract } from '../../libs/temporal/src/index';
const en =
  'LONDON, July 7 (Reuters) - Ministers met on Thursday and will meet again next week, after talks in the third quarter of 2023 and a summit from 13 to 15 July. Prices rose over the past two weeks, and the fund raised $2000 from 500 delegates in the 1990s. The decree dated 15/03/2023 takes effect on 1 January 2024. ';
const text = en.repeat(70).slice(0, 20000);
const ar = readFileSync('data/seed/000_911741716f96cebe.txt', 'utf8').repeat(5).slice(0, 20000);
for (let i = 0; i < 200; i++) {
  extract(text, '2023-11-01', 'en');
  extract(ar, '2023-11-01', 'ar');
}
