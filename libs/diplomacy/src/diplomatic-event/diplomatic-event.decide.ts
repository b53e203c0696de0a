import {
  InvalidDiplomaticEventError,
  DiplomaticEventRetractedError,
  DiplomaticEventNotFoundError,
} from '../diplomacy.errors';
import type { DiplomaticEventState } from './diplomatic-event';
import type {
  DiplomaticEventCorrected,
  DiplomaticEventRecorded,
  DiplomaticEventRetracted,
} from './diplomatic-event.events';
import type {
  DiplomaticEventChanges,
  DiplomaticEventChangesInput,
  DiplomaticEventFacts,
  DiplomaticEventInput,
} from './diplomatic-event.types';
import { isEventDate, resolveEventDate } from './resolve-date';
import {
  checkActors,
  checkLocation,
  checkOptionalTexts,
  checkStatus,
  checkText,
  checkType,
  LIMITS,
  optionalTexts,
} from './validate-facts';

/** What the handler looked up for decide: the source's publication date anchors relative dates. */
export interface DecisionContext {
  sourcePublishedOn: string;
}

export function decideRecord(
  id: string,
  input: DiplomaticEventInput,
  state: DiplomaticEventState,
  context: DecisionContext,
): [DiplomaticEventRecorded] {
  if (state.status !== 'none') throw new InvalidDiplomaticEventError({ id: `diplomatic event ${id} already exists` });
  const date = resolveEventDate(input.date, context.sourcePublishedOn);
  const problems = {
    ...checkType(input.type),
    ...checkText(input.title, 'title', LIMITS.title, true),
    ...checkOptionalTexts(input),
    ...checkActors(input.actors),
    ...checkLocation(input.location),
    ...checkStatus(input.status),
    ...checkText(input.source?.quote, 'source.quote', LIMITS.quote, true),
    ...checkOffsets(input.source?.offsets, input.source?.quote),
    ...(isEventDate(date) ? {} : date),
  };
  if (Object.keys(problems).length > 0 || !isEventDate(date)) throw new InvalidDiplomaticEventError(problems);
  return [
    {
      type: 'DiplomaticEventRecorded',
      data: {
        id,
        type: input.type,
        title: input.title,
        ...optionalTexts(input),
        actors: input.actors.map(({ id: actorId, name, country, role }) => ({ id: actorId, name, country, role })),
        location: input.location ?? null,
        date,
        status: input.status,
        source: {
          sourceId: input.source.sourceId,
          quote: input.source.quote,
          ...(input.source.offsets
            ? { offsets: { start: input.source.offsets.start, end: input.source.offsets.end } }
            : {}),
        },
      },
    },
  ];
}

export function decideCorrect(
  id: string,
  changes: DiplomaticEventChangesInput,
  reason: string,
  state: DiplomaticEventState,
  context: DecisionContext,
): [DiplomaticEventCorrected] {
  const live = assertLive(id, state);
  const resolved: DiplomaticEventChanges = {};
  const problems: Record<string, string> = { ...checkText(reason, 'reason', LIMITS.reason, true) };
  if (changes.type !== undefined) Object.assign(problems, checkType(changes.type, 'changes.type'));
  if (changes.title !== undefined)
    Object.assign(problems, checkText(changes.title, 'changes.title', LIMITS.title, true));
  Object.assign(problems, checkOptionalTexts(changes, 'changes.'));
  if (changes.actors !== undefined) Object.assign(problems, checkActors(changes.actors, 'changes.actors'));
  if (changes.location !== undefined) Object.assign(problems, checkLocation(changes.location, 'changes.location'));
  if (changes.status !== undefined) Object.assign(problems, checkStatus(changes.status, 'changes.status'));
  if (changes.quote !== undefined)
    Object.assign(problems, checkText(changes.quote, 'changes.quote', LIMITS.quote, true));
  if (changes.date !== undefined) {
    const date = resolveEventDate(changes.date, context.sourcePublishedOn);
    if (isEventDate(date)) resolved.date = date;
    else for (const [field, problem] of Object.entries(date)) problems[`changes.${field}`] = problem;
  }
  const { date: _date, ...rest } = changes;
  // Absent means "unchanged": a key present with undefined must not erase a fact.
  Object.assign(resolved, Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)));
  const effective = Object.fromEntries(
    Object.entries(resolved).filter(([key, value]) => !sameValue(value, currentValue(live.facts, key))),
  );
  if (Object.keys(problems).length === 0 && Object.keys(effective).length === 0) {
    problems.changes = 'must change at least one field (every given value equals the current one)';
  }
  if (Object.keys(problems).length > 0) throw new InvalidDiplomaticEventError(problems);
  return [{ type: 'DiplomaticEventCorrected', data: { id, changes: effective, reason } }];
}

export function decideRetract(id: string, reason: string, state: DiplomaticEventState): [DiplomaticEventRetracted] {
  assertLive(id, state);
  const problems = checkText(reason, 'reason', LIMITS.reason, true);
  if (Object.keys(problems).length > 0) throw new InvalidDiplomaticEventError(problems);
  return [{ type: 'DiplomaticEventRetracted', data: { id, reason } }];
}

function assertLive(id: string, state: DiplomaticEventState) {
  if (state.status === 'none') throw new DiplomaticEventNotFoundError(id);
  if (state.status === 'retracted') throw new DiplomaticEventRetractedError(id);
  return state;
}

function currentValue(facts: DiplomaticEventFacts, key: string): unknown {
  return key === 'quote' ? facts.source.quote : facts[key as keyof DiplomaticEventFacts];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Offsets must frame a span as long as the quote: the quote is the text between them. */
function checkOffsets(
  offsets: { start: number; end: number } | undefined,
  quote: string | undefined,
): Record<string, string> {
  if (offsets === undefined) return {};
  const { start, end } = offsets;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    return { 'source.offsets': 'must be integers with 0 <= start < end' };
  }
  if (typeof quote === 'string' && end - start !== quote.length) {
    return { 'source.offsets': 'must frame exactly the quote (end - start = quote length)' };
  }
  return {};
}
