import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { roleAllows, type Principal, type Role } from '../credentials/roles';
import { Authenticator, grant } from './authenticator';

const REQUIRED_ROLE = 'annals:required-role';

/** The least role a route (or every route of a controller) needs; without it, AdminGuard asks for admin. */
export const RequiresRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

/**
 * Admin routes need `Authorization: Bearer <token>`: ADMIN_TOKEN (the bootstrap admin) or a named credential's
 * token, looked up on every request so a revocation holds at once. 401: no valid token; 403: a valid token whose
 * role is below the route's.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const needed =
      this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]) ??
      'admin';
    await admit(this.authenticator, context.switchToHttp().getRequest<FastifyRequest>(), needed);
    return true;
  }
}

/** The request's principal when its role reaches `needed`; 401 without a valid token, 403 below the role. */
export async function admit(authenticator: Authenticator, request: FastifyRequest, needed: Role): Promise<Principal> {
  const result = await authenticator.authenticate(request);
  if ('refused' in result) {
    throw new UnauthorizedException(
      result.refused === 'missing' ? 'missing bearer token: send Authorization: Bearer <token>' : 'invalid admin token',
    );
  }
  const { principal } = result;
  if (!roleAllows(principal.role, needed)) {
    const article = principal.role === 'admin' ? 'an' : 'a';
    throw new ForbiddenException(
      `this needs the ${needed} role; credential "${principal.credentialName}" is ${article} ${principal.role}`,
    );
  }
  grant(request, principal);
  return principal;
}
