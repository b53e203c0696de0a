import { BadRequestException, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { ACTOR_ID_PATTERN } from '@libs/diplomacy';
import { errorBody } from './error-body';

/** `:id` route parameters are uuids; anything else is a 400 naming the parameter. */
export const UUID_PARAM = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadRequestException(errorBody(400, 'id must be a uuid', { fields: { id: 'must be a uuid' } })),
});

/** `:actorId` route parameters are actor ids (lower-case slugs); anything else is a 400 naming the parameter. */
export const ACTOR_ID_PARAM: PipeTransform<string, string> = {
  transform(value: string) {
    if (ACTOR_ID_PATTERN.test(value)) return value;
    const problem = 'must be an actor id such as "emmanuel-macron" (lower-case letters, digits and hyphens)';
    throw new BadRequestException(errorBody(400, `actorId ${problem}`, { fields: { actorId: problem } }));
  },
};
