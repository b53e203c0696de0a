import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { RUNTIME, type Runtime } from '@libs/platform';

/** Admin routes need `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(RUNTIME) runtime: Runtime) {
    this.expected = runtime.adminToken ? digest(runtime.adminToken) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!this.expected) throw new UnauthorizedException('admin routes are disabled: ADMIN_TOKEN is not configured');
    if (!match) throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <admin token>');
    // Hashing first makes both sides the same length, so the comparison leaks neither content nor length.
    if (!timingSafeEqual(digest(match[1]), this.expected)) throw new UnauthorizedException('invalid admin token');
    return true;
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
