import { type Groups, alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import {
  ARABIC_FAR_MODIFIERS,
  ARABIC_MODIFIERS,
  DEMONSTRATIVE,
  ENGLISH_FAR_MODIFIERS,
  ENGLISH_MODIFIERS,
  type Modifier,
} from '../lexicon/relative.lexicon';

/** Steps from the anchor's own week, month or year. */
const MODIFIER_STEP: Readonly<Record<Modifier, number>> = { last: -1, this: 0, next: 1 };

/**
 * Counts calendar units from the anchor's own unit: "الشهر الماضي" → -1, "هذا العام" → 0, "next week" → 1.
 * With `bare`, the noun alone means the current unit ("نهاية الشهر" = the end of this month).
 */
export type RelativeUnitMatcher = (text: string, bare?: boolean) => number | undefined;

interface UnitNouns {
  readonly arabic: readonly string[];
  readonly english: readonly string[];
}

export function relativeUnit(nouns: UnitNouns): RelativeUnitMatcher {
  const arabicModifier = alternation([...ARABIC_MODIFIERS.keys(), ...ARABIC_FAR_MODIFIERS.keys()]);
  const arabic = anchored(
    `(?:من )?(?:(?<dem>${DEMONSTRATIVE}) )?${alternation(nouns.arabic)}(?: (?<mod>${arabicModifier}))?`,
  );
  const english = anchored(
    `(?:of )?(?:the )?(?:(?<mod>${alternation(ENGLISH_MODIFIERS.keys())}) )?${alternation(nouns.english)}` +
      `(?: (?<far>${alternation(ENGLISH_FAR_MODIFIERS.keys())}))?`,
  );
  return (text, bare = false) => {
    const arabicGroups = matchGroups(arabic, text);
    if (arabicGroups) return arabicStep(arabicGroups, bare);
    const englishGroups = matchGroups(english, text);
    return englishGroups ? englishStep(englishGroups, bare) : undefined;
  };
}

function arabicStep({ dem, mod }: Groups, bare: boolean): number | undefined {
  if (mod === undefined) return dem !== undefined || bare ? 0 : undefined;
  const far = ARABIC_FAR_MODIFIERS.get(mod);
  const step = far ?? MODIFIER_STEP[lookup(ARABIC_MODIFIERS, mod)];
  // "هذا الشهر الماضي" contradicts itself.
  return dem !== undefined && step !== 0 ? undefined : step;
}

function englishStep({ mod, far }: Groups, bare: boolean): number | undefined {
  if (mod !== undefined && far !== undefined) return undefined;
  if (far !== undefined) return lookup(ENGLISH_FAR_MODIFIERS, far);
  if (mod !== undefined) return MODIFIER_STEP[lookup(ENGLISH_MODIFIERS, mod)];
  return bare ? 0 : undefined;
}

export const relativeWeek = relativeUnit({ arabic: ['الأسبوع'], english: ['week'] });
export const relativeMonth = relativeUnit({ arabic: ['الشهر'], english: ['month'] });
export const relativeYear = relativeUnit({ arabic: ['العام', 'السنة'], english: ['year'] });
