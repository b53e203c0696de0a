import type { Language } from './mention.types';

/** More Arabic letters than Latin ones: Arabic. */
export function detectLanguage(text: string): Language {
  const arabic = text.match(/[\u0600-\u06ff]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return arabic > latin ? 'ar' : 'en';
}

const BRITISH =
  /\b(?:colour|favour|honour|labour|centre|programme|organis\w*|realis\w*|recognis\w*|defence|whilst|BST|GMT)\b/g;
const AMERICAN = /\b(?:color|favor|honor|labor|center|program|organiz\w*|realiz\w*|recogniz\w*|defense|EST|EDT)\b/g;

/**
 * Numeric dates are day first in Arabic and in British English ("01/02/2023" = 1 February), month first in
 * American English; English text is taken as British when its spellings say so.
 */
export function prefersDayFirst(text: string, language: Language): boolean {
  if (language === 'ar') return true;
  return (text.match(BRITISH)?.length ?? 0) > (text.match(AMERICAN)?.length ?? 0);
}
