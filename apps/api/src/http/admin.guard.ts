import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RUNTIME, type Runtime } from '@libs/platform';
import { bearerTokenOf, tokenDigest, tokenMatches } from './bearer-token';

/** Admin routes need `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(RUNTIME) runtime: Runtime) {
    this.expected = runtime.adminToken ? tokenDigest(runtime.adminToken) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerTokenOf(request);
    if (!this.expected) throw new UnauthorizedException('admin routes are disabled: ADMIN_TOKEN is not configured');
    if (token === undefined)
      throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <admin token>');
    if (!tokenMatches(token, this.expected)) throw new UnauthorizedException('invalid admin token');
    return true;
  }
}
