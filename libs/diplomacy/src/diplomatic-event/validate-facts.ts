import { isCameoCode, isCountryCode } from '../taxonomy';
import {
  ACTOR_ROLES,
  EVENT_STATUSES,
  type Actor,
  type Location,
  type OptionalTextFacts,
} from './diplomatic-event.types';

/** Every length limit of the domain's text (characters) and list (items); the HTTP DTOs are composed from these. */
export const LIMITS = {
  title: 500,
  summary: 5000,
  quote: 5000,
  name: 200,
  reason: 2000,
  expression: 200,
  actors: 50,
  url: 2000,
  publisher: 200,
  text: 200_000,
} as const;
export const ACTOR_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

type Problems = Record<string, string>;

/** The domain's own checks, whoever calls (HTTP, seed, import): each returns field path → problem. */
export function checkType(type: unknown, field = 'type'): Problems {
  if (typeof type !== 'string' || !isCameoCode(type))
    return { [field]: `must be a CAMEO event code (e.g. "042"), got ${JSON.stringify(type)}` };
  return {};
}

export function checkText(value: unknown, field: string, max: number, required: boolean): Problems {
  if (value === undefined || value === null) return required ? { [field]: 'is required' } : {};
  if (typeof value !== 'string') return { [field]: 'must be a string' };
  if (required && value.trim() === '') return { [field]: 'must not be empty' };
  if (value.length > max) return { [field]: `must be at most ${max} characters (got ${value.length})` };
  return {};
}

/** The rule of each optional text fact: a record or a correction that gives one is checked with it. */
export const OPTIONAL_TEXT_RULES: { [K in keyof OptionalTextFacts]-?: (value: unknown, field: string) => Problems } = {
  summary: (value, field) => checkText(value, field, LIMITS.summary, false),
};
const OPTIONAL_TEXT_KEYS = Object.keys(OPTIONAL_TEXT_RULES) as (keyof OptionalTextFacts)[];

/** Checks the optional text facts `input` gives (absent ones pass); `prefix` is 'changes.' in a correction. */
export function checkOptionalTexts(input: OptionalTextFacts, prefix = ''): Problems {
  return Object.assign(
    {},
    ...OPTIONAL_TEXT_KEYS.filter((key) => input[key] !== undefined).map((key) =>
      OPTIONAL_TEXT_RULES[key](input[key], `${prefix}${key}`),
    ),
  ) as Problems;
}

/** The optional text facts of a record, null where not given. */
export function optionalTexts(input: OptionalTextFacts): Required<OptionalTextFacts> {
  return Object.fromEntries(OPTIONAL_TEXT_KEYS.map((key) => [key, input[key] ?? null])) as Required<OptionalTextFacts>;
}

export function checkActors(actors: unknown, field = 'actors'): Problems {
  if (!Array.isArray(actors) || actors.length === 0) return { [field]: 'must list at least one actor' };
  if (actors.length > LIMITS.actors) return { [field]: `must list at most ${LIMITS.actors} actors` };
  const problems: Problems = {};
  const seen = new Set<string>();
  (actors as Actor[]).forEach((actor, i) => {
    const at = `${field}.${i}`;
    if (typeof actor?.id !== 'string' || !ACTOR_ID_PATTERN.test(actor.id)) {
      problems[`${at}.id`] = 'must be a lower-case slug such as "emmanuel-macron"';
    } else if (seen.has(actor.id)) problems[`${at}.id`] = `repeats actor "${actor.id}"`;
    else seen.add(actor.id);
    Object.assign(problems, checkText(actor?.name, `${at}.name`, LIMITS.name, true));
    if (!isCountryCode(actor?.country))
      problems[`${at}.country`] = 'must be an ISO 3166-1 alpha-3 country code (e.g. FRA)';
    if (!ACTOR_ROLES.includes(actor?.role)) problems[`${at}.role`] = `must be one of ${ACTOR_ROLES.join(', ')}`;
  });
  return problems;
}

export function checkLocation(location: Location | null | undefined, field = 'location'): Problems {
  if (location === undefined || location === null) return {};
  const problems = checkText(location.name, `${field}.name`, LIMITS.name, true);
  if (location.country !== undefined && !isCountryCode(location.country)) {
    problems[`${field}.country`] = 'must be an ISO 3166-1 alpha-3 country code (e.g. KAZ)';
  }
  return problems;
}

export function checkStatus(status: unknown, field = 'status'): Problems {
  if (!EVENT_STATUSES.includes(status as never)) return { [field]: `must be one of ${EVENT_STATUSES.join(', ')}` };
  return {};
}
