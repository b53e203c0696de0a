import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi } from '../support/api';

describe('scratch', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await startTestApi();
  });
  afterAll(async () => {
    await app.close();
  });
  it('serves', async () => {
    const res = await request(app.getHttpServer()).get('/docs-json');
    console.log(res.status, res.text.slice(0, 3000));
    const ui = await request(app.getHttpServer()).get('/docs');
    console.log(ui.status, ui.headers, ui.text.slice(0, 300));
    const css = await request(app.getHttpServer()).get('/docs/swagger-ui.css');
    console.log(css.status, css.headers['content-type']);
    const f = app.getHttpAdapter().getInstance();
    console.log(f.printRoutes({ commonPrefix: false }));
    console.log(f.printRoutes({ commonPrefix: false, includeMeta: false, method: 'GET' }));
    console.log(
      (await request(app.getHttpServer()).get('/')).status,
      (await request(app.getHttpServer()).get('/styles.css')).status,
    );
    console.log(f.hasRoute({ method: 'GET', url: '/*' }), f.hasRoute({ method: 'GET', url: '/' }));
    expect(res.status).toBe(200);
  });
});
