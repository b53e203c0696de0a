import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { findProjectFile } from '@libs/diplomacy';
import { ErrorBodySchema } from './openapi/error-body.schema';

export const DOCS_PATH = 'docs';
export const DOCS_JSON_PATH = 'docs-json';

const DESCRIPTION = `Dated statements from the news, stored as immutable events and projected into a queryable timeline.

Reads are public. Writes (\`/api/admin/…\`) need \`Authorization: Bearer <token>\`: a named credential's token
(\`ann_…\`, role viewer, editor or admin) or ADMIN_TOKEN, the bootstrap admin. A token below the route's role gets 403.
Requests with a valid token are rate-limited per credential; requests without one, strictly per client address. Every error answers with one JSON shape, \`ErrorBody\`:
\`statusCode\`, \`error\` and \`message\`, plus \`code\` for domain errors and \`fields\` naming each bad field. While
the database is unreachable every route that needs it answers 503 with \`Retry-After\` (code DATABASE.UNAVAILABLE).`;

const TAGS: [name: string, description: string][] = [
  ['Timeline', 'The read side: the timeline, single events with their history, actors'],
  ['Temporal', 'Try the date resolver on its own'],
  ['Admin', 'Record, correct and retract events; register sources'],
  ['Projections', 'Read-model status and rebuilds'],
  ['Credentials', 'Named API credentials with a role; who is signed in'],
  ['Health', 'Health check for load balancers and monitors'],
  ['Metrics', 'Prometheus scrape endpoint'],
];

/** The OpenAPI 3 document of every route the app serves, built from the controllers' decorators. */
export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Annals')
    .setDescription(DESCRIPTION)
    .setVersion(packageVersion())
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: undefined,
        description: 'A credential token (ann_…) or the ADMIN_TOKEN',
      },
      'admin',
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ErrorBodySchema] });
  return withMinPositionHeader(withOutageAnswers(document));
}

/** X-Min-Position is accepted wherever minPosition is (apps/api/src/http/min-position-header.ts). */
function withMinPositionHeader(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    const parameters = item.get?.parameters;
    if (!parameters?.some((p) => 'name' in p && p.name === 'minPosition' && p.in === 'query')) continue;
    parameters.push({
      name: 'X-Min-Position',
      in: 'header',
      required: false,
      description: 'The same as minPosition, as a header; the query parameter wins when both are sent',
      schema: { type: 'integer', minimum: 1 },
    });
  }
  return document;
}

/** Every operation may answer 503 while PostgreSQL is down (health documents its own 503). */
function withOutageAnswers(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!operation || operation.responses['503']) continue;
      operation.responses['503'] = {
        description: 'The database is unavailable; retry after Retry-After seconds (code DATABASE.UNAVAILABLE)',
        headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      };
    }
  }
  return document;
}

function packageVersion(): string {
  try {
    const { version } = JSON.parse(readFileSync(findProjectFile('package.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : '0.1.0';
  } catch {
    return '0.1.0';
  }
}

/** OpenAPI 3 document at /docs-json and its UI at /docs (assets under /docs/, all same-origin). */
export function setUpOpenApi(app: NestFastifyApplication): void {
  // A factory: the document is built when first asked for, not on every boot.
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'Annals API',
    // No badge from validator.swagger.io: the CSP allows same-origin images only, and the test validates instead.
    swaggerOptions: { validatorUrl: null },
  });
}
