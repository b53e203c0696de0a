import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadDatabase } from '../read-side/read-database';

export class ActorNotFoundError extends Error {
  readonly code = 'ACTOR.NOT_FOUND';
  constructor(readonly id: string) {
    super(`No actor ${id} on the timeline`);
    this.name = 'ActorNotFoundError';
  }
}

/** Throws ActorNotFoundError unless some recorded event named this actor: a typo is a 404, not an empty list. */
export class AssertActorKnownQuery extends Query<void> {
  constructor(
    readonly id: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(AssertActorKnownQuery)
export class AssertActorKnownHandler implements IQueryHandler<AssertActorKnownQuery> {
  constructor(private readonly reads: ReadDatabase) {}

  async execute({ id, minPosition }: AssertActorKnownQuery): Promise<void> {
    const { rowCount } = await this.reads.read({ source: 'timeline', minPosition }, (db) =>
      db.query(`SELECT 1 FROM timeline_actor_names WHERE actor_id = $1 LIMIT 1`, [id]),
    );
    if (!rowCount) throw new ActorNotFoundError(id);
  }
}
