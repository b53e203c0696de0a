const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;
const ARABIC_LETTER = '\\u0600-\\u06ff';

/**
 * Folds the spelling variation news text carries (digit systems, hamza seats, diacritics, tatweel, final
 * alif maqsura and ta marbuta, punctuation, case) into one form. Lexicon words pass through the same
 * function, so input and lexicon always meet in the same spelling.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - ARABIC_INDIC_ZERO))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - PERSIAN_ZERO))
    .replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى(?!\p{L})/gu, 'ي')
    .replace(/ة(?!\p{L})/gu, 'ه')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[^\p{L}\p{N}\s/-]/gu, ' ')
    .replace(/(\d)\s*-\s*(?=\d)/g, '$1-')
    .replace(/(?<!\d)-|-(?!\d)/g, ' ')
    .replace(new RegExp(`(\\d)(?=[${ARABIC_LETTER}])|([${ARABIC_LETTER}])(?=\\d)`, 'g'), '$1$2 ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}
