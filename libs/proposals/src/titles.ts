import { PhraseIndex } from './phrase-index';
import { normalize, phraseOf } from './words';

/** Offices that news names people by; `label` is the English office, used when no name follows. */
const TITLES: readonly [string, string][] = [
  ['وزير الخارجية', 'Foreign Minister'],
  ['وزير الدفاع', 'Defence Minister'],
  ['رئيس الوزراء', 'Prime Minister'],
  ['رئيس الحكومة', 'Prime Minister'],
  ['ولي العهد', 'Crown Prince'],
  ['الأمين العام', 'Secretary-General'],
  ['وزير', 'Minister'],
  ['رئيس', 'President'],
  ['الرئيس', 'President'],
  ['الملك', 'King'],
  ['الأمير', 'Emir'],
  ['المستشار', 'Chancellor'],
  ['زعيم', 'Leader'],
  ['نائب', 'Deputy'],
  ['Foreign Minister', 'Foreign Minister'],
  ['Foreign Secretary', 'Foreign Minister'],
  ['Defence Minister', 'Defence Minister'],
  ['Defense Minister', 'Defence Minister'],
  ['Prime Minister', 'Prime Minister'],
  ['Secretary of State', 'Foreign Minister'],
  ['Crown Prince', 'Crown Prince'],
  ['President', 'President'],
  ['King', 'King'],
  ['Chancellor', 'Chancellor'],
  ['Minister', 'Minister'],
  ['leader', 'Leader'],
];

let index: PhraseIndex<string> | undefined;

export function titleIndex(): PhraseIndex<string> {
  if (index) return index;
  index = new PhraseIndex<string>();
  for (const [words, label] of TITLES) index.add(phraseOf(words), label);
  return index;
}

/** Words that end a name read after a title: prepositions, particles, days, verbs of saying. */
export const NAME_STOPS = new Set(
  [
    'في',
    'من',
    'الى',
    'إلى',
    'على',
    'عن',
    'مع',
    'ان',
    'أن',
    'إن',
    'يوم',
    'يومي',
    'الاسبوع',
    'الأسبوع',
    'بعد',
    'قبل',
    'خلال',
    'الذي',
    'التي',
    'هو',
    'هي',
    'قد',
    'لقد',
    'كان',
    'قال',
    'بجوله',
    'بجولة',
    'عن',
    'منذ',
    'امس',
    'أمس',
    'said',
    'says',
    'on',
    'in',
    'at',
    'of',
    'to',
    'and',
    'the',
    'will',
    'has',
    'had',
    'was',
    'is',
    'met',
    'told',
  ].map(normalize),
);
