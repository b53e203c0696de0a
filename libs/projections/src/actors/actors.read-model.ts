import type { ReadModel } from '../projection';
import { AssertActorKnownHandler } from './actor-known.query';
import { ActorsProjection } from './actors.projection';
import { GetActorsHandler } from './actors.query';

export const ACTORS_READ_MODEL: ReadModel = {
  projection: ActorsProjection,
  handlers: [GetActorsHandler, AssertActorKnownHandler],
};
