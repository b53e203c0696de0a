import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject, OperationObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { Validator } from '@seriousme/openapi-schema-validator';
import { findProjectFile } from '@libs/diplomacy';
import { startTestApi } from '../support/api';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];

interface Route {
  method: Method;
  /** Fastify's form: /api/events/:id */
  path: string;
}

/**
 * Every route Fastify serves, read from its router's printout (one node a line, 4 characters of indent per
 * level, "(GET, HEAD)" after a node that has handlers). Only what hasRoute confirms counts, so a misread
 * line cannot invent a route.
 */
function servedRoutes(app: NestFastifyApplication): Route[] {
  const fastify = app.getHttpAdapter().getInstance();
  const stack: string[] = [];
  const routes: Route[] = [];
  for (const line of fastify.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\).*)?$/.exec(line);
    // A node whose routes differ in constraints prints each further group on a line of its own: "    (OPTIONS)".
    const more = node ? undefined : /^[│ ]*\(([A-Z, ]+)\)/.exec(line);
    if (node) {
      stack.length = node[1].length / 4;
      stack.push(node[2]);
    }
    const methods = node?.[3] ?? more?.[1];
    if (!methods) continue;
    // Sibling routes with different parameter names share a node printed as ":id|:eventId".
    const paths = stack.join('').split('|');
    for (const method of methods.split(', ').map((m) => m.toLowerCase()))
      for (const path of paths)
        if (METHODS.includes(method as Method) && fastify.hasRoute({ method: method.toUpperCase(), url: path }))
          routes.push({ method: method as Method, path });
  }
  return routes;
}

/** What is not API: static files (the timeline page and its assets) and the documentation itself. */
function isApiRoute({ path }: Route): boolean {
  if (path.includes('*') || path === '/' || path.startsWith('/docs')) return false;
  return !existsSync(join(findProjectFile('apps/api/public'), path));
}

const toOpenApiPath = (path: string) => path.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');

function operations(doc: OpenAPIObject): { method: Method; path: string; operation: OperationObject }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, operation: item[method] as OperationObject })),
  );
}

function schemaOf(doc: OpenAPIObject, schema: SchemaObject | ReferenceObject | undefined): SchemaObject {
  if (schema && '$ref' in schema) return doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] as SchemaObject;
  return schema as SchemaObject;
}

describe('OpenAPI', () => {
  let app: NestFastifyApplication;
  let doc: OpenAPIObject;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    // No projector: nothing here reads projections, and closing it while it is still starting can hang
    // (ProjectionRunner.stop() does not wait for tryToLead, whose LISTEN client then keeps pool.end() waiting).
    app = await startTestApi({ RUN_PROJECTOR: 'false' });
    const res = await http().get('/docs-json').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.body;
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves a valid OpenAPI 3 document whose references all resolve', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.0');
    expect(() => validator.resolveRefs()).not.toThrow();
    expect(doc.info).toMatchObject({ title: 'Annals', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('documents every route the app serves, and only those', () => {
    const served = servedRoutes(app).filter(isApiRoute);
    // A guard against a printout format this parser no longer reads: then it would find nothing to compare.
    expect(served).toEqual(
      expect.arrayContaining([
        { method: 'get', path: '/api/timeline' },
        { method: 'post', path: '/api/admin/events' },
        { method: 'get', path: '/api/events/:id' },
      ]),
    );
    const undocumented = served.filter(({ method, path }) => !doc.paths[toOpenApiPath(path)]?.[method]);
    expect(undocumented).toEqual([]);

    const fastify = app.getHttpAdapter().getInstance();
    const unserved = operations(doc).filter(
      ({ method, path }) => !fastify.hasRoute({ method: method.toUpperCase(), url: path.replace(/{(\w+)}/g, ':$1') }),
    );
    expect(unserved).toEqual([]);
  });

  it('declares the admin bearer scheme and requires it on every admin operation, and only there', () => {
    expect(doc.components?.securitySchemes?.admin).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const { path, operation } of operations(doc)) {
      if (path.startsWith('/api/admin/')) {
        expect({ path, security: operation.security }).toEqual({ path, security: [{ admin: [] }] });
        expect({ path, codes: Object.keys(operation.responses) }).toEqual({
          path,
          codes: expect.arrayContaining(['401', '429']),
        });
      } else {
        expect({ path, security: operation.security }).toEqual({ path, security: undefined });
      }
    }
  });

  it('answers every documented client error with the ErrorBody shape', () => {
    const errorBody = doc.components?.schemas?.ErrorBody as SchemaObject;
    expect(errorBody.required).toEqual(expect.arrayContaining(['statusCode', 'error', 'message']));
    expect(Object.keys(errorBody.properties ?? {})).toEqual(
      expect.arrayContaining(['code', 'fields', 'currentVersion']),
    );
    for (const { path, method, operation } of operations(doc)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^4\d\d$/.test(status)) continue;
        const schema = (response as { content?: Record<string, { schema?: ReferenceObject }> }).content?.[
          'application/json'
        ]?.schema;
        expect({ method, path, status, schema }).toEqual({
          method,
          path,
          status,
          schema: { $ref: '#/components/schemas/ErrorBody' },
        });
      }
    }
  });

  it.each([
    ['post', '/api/admin/sources', '201', 'SourceRegistered'],
    ['post', '/api/admin/events', '201', 'WriteResult'],
    ['post', '/api/admin/events/{id}/corrections', '200', 'VersionedResult'],
    ['post', '/api/admin/events/{id}/retraction', '200', 'VersionedResult'],
    ['get', '/api/timeline', '200', 'TimelinePage'],
    ['get', '/api/actors/{actorId}/timeline', '200', 'TimelinePage'],
    ['get', '/api/timeline/stats', '200', 'TimelineStats'],
    ['get', '/api/events/{id}', '200', 'TimelineItem'],
    ['get', '/api/events/{id}/history', '200', 'EventHistory'],
    ['get', '/api/actors', '200', 'ActorsPage'],
    ['get', '/api/changes', '200', 'ChangesPage'],
    ['post', '/api/temporal/resolve', '200', 'TemporalResolution'],
    ['get', '/api/admin/projections', '200', 'ProjectionsStatus'],
    ['post', '/api/admin/projections/{name}/rebuild', '202', 'RebuildStarted'],
    ['get', '/health', '200', 'HealthReport'],
  ] as const)('%s %s answers %s with %s', (method, path, status, schema) => {
    const response = doc.paths[path]?.[method]?.responses[status] as { content?: Record<string, unknown> };
    expect(response?.content?.['application/json']).toEqual({ schema: { $ref: `#/components/schemas/${schema}` } });
  });

  it('describes GET /api/timeline/events as an event stream', () => {
    const ok = doc.paths['/api/timeline/events']?.get?.responses['200'] as { content?: Record<string, unknown> };
    expect(Object.keys(ok.content ?? {})).toEqual(['text/event-stream']);
  });

  it('describes GET /metrics as Prometheus text', () => {
    const ok = doc.paths['/metrics']?.get?.responses['200'] as { content?: Record<string, unknown> };
    expect(Object.keys(ok.content ?? {})).toEqual(['text/plain']);
  });

  it('requires type, title, actors, date, status and source to record an event', () => {
    const body = doc.paths['/api/admin/events']?.post?.requestBody as { content: Record<string, { schema: never }> };
    const schema = schemaOf(doc, body.content['application/json'].schema);
    expect([...(schema.required ?? [])].sort()).toEqual(['actors', 'date', 'source', 'status', 'title', 'type']);
    const actors = schema.properties?.actors as SchemaObject;
    expect(actors).toMatchObject({ type: 'array', minItems: 1, items: { $ref: '#/components/schemas/ActorDto' } });
  });

  it('documents path, query and header parameters', () => {
    const names = (path: string, method: Method) =>
      (doc.paths[path]?.[method]?.parameters ?? []).map((p) => {
        const { name, in: where, required } = p as { name: string; in: string; required?: boolean };
        return `${where}:${name}${required ? '!' : ''}`;
      });
    expect(names('/api/events/{id}', 'get')).toEqual([
      'path:id!',
      'query:asOf',
      'query:minPosition',
      'header:X-Min-Position',
    ]);
    expect(names('/api/changes', 'get')).toEqual([
      'query:after',
      'query:limit',
      'query:minPosition',
      'header:X-Min-Position',
    ]);
    expect(names('/api/timeline/events', 'get')).toEqual(
      expect.arrayContaining(['query:actor', 'query:q', 'query:after', 'header:Last-Event-ID']),
    );
    expect(names('/api/timeline/events', 'get')).not.toContain('query:asOf');
    expect(names('/api/timeline', 'get')).toEqual(
      expect.arrayContaining(['query:actor', 'query:from', 'query:to', 'query:asOf', 'query:limit', 'query:cursor']),
    );
    expect(names('/api/admin/events', 'post')).toEqual(['header:idempotency-key']);
  });

  it('serves the UI at /docs with same-origin scripts and styles only (the CSP allows no others)', async () => {
    const res = await http().get('/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.text;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)=["']([^"']+)["']/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining([expect.stringMatching(/swagger-ui-bundle\.js$/)]));
    for (const asset of assets) {
      const url = new URL(asset, 'http://annals.test/docs');
      expect(url.origin).toBe('http://annals.test');
      await http().get(url.pathname).expect(200);
    }
  });
});
