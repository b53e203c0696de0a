import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';
import { errorBody } from './error-body';

/** `:id` route parameters are uuids; anything else is a 400 naming the parameter. */
export const UUID_PARAM = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadRequestException(errorBody(400, 'id must be a uuid', { fields: { id: 'must be a uuid' } })),
});
