import { startNatsServer, type NatsServer } from '@onramp/testing';
import { routePath } from '../openapi/operation';
import { allOperations } from '../openapi/operations';
import { startGateway, type TestGateway } from '../testing/start-gateway';

describe('API documentation', () => {
  let nats: NatsServer;
  let gateway: TestGateway;

  beforeAll(async () => {
    nats = await startNatsServer();
    gateway = await startGateway(nats.url);
  });
  afterAll(async () => {
    await gateway.close();
    await nats.stop();
  });

  it('documents exactly the /v1 routes the gateway serves', async () => {
    // Fastify answers HEAD for every GET by itself; it needs no documentation of its own.
    const served = gateway.routes.filter((route) => /^(?!HEAD).* \/v1\//.test(route)).sort();
    const document = (await (await fetch(`${gateway.url}/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${routePath(path)}`),
      )
      .sort();
    expect(documented).toEqual(served);
    expect(documented).toHaveLength(allOperations.length);
  });

  it('serves a browsable page at /docs whose scripts and styles load from the gateway', async () => {
    const page = await fetch(`${gateway.url}/docs`, { redirect: 'follow' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
      (match) => match[1],
    );
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^https?:/);
      const response = await fetch(new URL(asset ?? '', page.url));
      await response.arrayBuffer();
      expect(`${asset}: ${response.status}`).toBe(`${asset}: 200`);
    }
    const spec = await fetch(`${gateway.url}/docs/json`);
    expect(((await spec.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });
});
