import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PostgresEventStore } from '@libs/event-store';
import { RUNTIME, type Runtime } from '@libs/platform';
import { CredentialStore } from '../credentials/credential-store';
import { BOOTSTRAP_ADMIN, type Principal } from '../credentials/roles';
import { bearerTokenOf, tokenDigest, tokenMatches } from './bearer-token';

/** A request's bearer token, judged: who it acts as, or why it acts as nobody. */
export type Authentication = { principal: Principal } | { refused: 'missing' | 'invalid' };

/** Judged once per request (the rate limit asks first, then the guard), never across requests. */
const judged = new WeakMap<object, Promise<Authentication>>();

@Injectable()
export class Authenticator {
  private readonly bootstrap: Buffer | undefined;
  readonly credentials: CredentialStore;

  constructor(@Inject(RUNTIME) runtime: Runtime, store: PostgresEventStore) {
    this.bootstrap = runtime.adminToken ? tokenDigest(runtime.adminToken) : undefined;
    this.credentials = new CredentialStore(store.pool);
  }

  authenticate(request: Pick<FastifyRequest, 'headers'>): Promise<Authentication> {
    let result = judged.get(request);
    if (!result) {
      result = this.judge(bearerTokenOf(request));
      judged.set(request, result);
    }
    return result;
  }

  private async judge(token: string | undefined): Promise<Authentication> {
    if (token === undefined) return { refused: 'missing' };
    if (tokenMatches(token, this.bootstrap)) return { principal: BOOTSTRAP_ADMIN };
    const principal = await this.credentials.authenticate(token);
    return principal ? { principal } : { refused: 'invalid' };
  }
}

const granted = new WeakMap<object, Principal>();

/** Called by the guard once it let a request through. */
export function grant(request: object, principal: Principal): void {
  granted.set(request, principal);
}

/** The principal the guard let through; commands take their author from here. */
export function principalOf(request: object): Principal {
  const principal = granted.get(request);
  // Only a route without the guard can get here: a bug, never a client's mistake.
  if (!principal) throw new Error('no authenticated principal for this request: is the route guarded?');
  return principal;
}
