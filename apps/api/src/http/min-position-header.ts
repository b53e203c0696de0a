import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { errorBody } from './error-body';

const HEADER = 'x-min-position';

/**
 * `X-Min-Position: <position>` is `?minPosition=<position>` for clients that would rather not touch their URLs
 * (a proxy cache key, a generated client). It applies to the reads whose query DTO takes minPosition and is
 * ignored elsewhere, like any header a route does not use; a query parameter given too wins.
 */
@Injectable()
export class MinPositionHeader implements NestInterceptor {
  private readonly accepts = new WeakMap<object, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers[HEADER];
    if (typeof header === 'string' && request.method === 'GET' && this.takesMinPosition(context)) {
      const query = (request.query ?? {}) as Record<string, unknown>;
      if (query.minPosition === undefined) {
        const value = header.trim();
        if (!/^[1-9]\d{0,17}$/.test(value)) {
          const problem = 'must be a position returned by a write (a whole number ≥ 1)';
          throw new BadRequestException(
            errorBody(400, `X-Min-Position ${problem}`, { fields: { 'X-Min-Position': problem } }),
          );
        }
        request.query = { ...query, minPosition: value };
      }
    }
    return next.handle();
  }

  /** Whether one of the handler's parameter DTOs declares minPosition (read once per handler). */
  private takesMinPosition(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    const known = this.accepts.get(handler);
    if (known !== undefined) return known;
    const types = (Reflect.getMetadata('design:paramtypes', context.getClass().prototype, handler.name) ??
      []) as unknown[];
    const storage = getMetadataStorage();
    const takes = types.some(
      (type) =>
        typeof type === 'function' &&
        storage.getTargetValidationMetadatas(type, '', false, false).some((m) => m.propertyName === 'minPosition'),
    );
    this.accepts.set(handler, takes);
    return takes;
  }
}
