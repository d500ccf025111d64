import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GatewayBed } from '../testing/gateway-bed';

/** A build as Vite writes it: the nonce placeholder on the page's tags, files by content hash. */
const INDEX_HTML = `<!doctype html><html><head>
<meta property="csp-nonce" nonce="__CSP_NONCE__">
<script type="module" crossorigin src="/console/assets/index-abc123.js" nonce="__CSP_NONCE__"></script>
</head><body><div id="root"></div></body></html>`;
const SCRIPT = 'console.log("console");';

const nonceOf = (html: string) => /nonce="([^"]+)"/.exec(html)?.[1];

describe('the console at /console', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'console-'));
    await mkdir(path.join(folder, 'assets'));
    await writeFile(path.join(folder, 'index.html'), INDEX_HTML);
    await writeFile(path.join(folder, 'assets', 'index-abc123.js'), SCRIPT);
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  describe('served', () => {
    let bed: GatewayBed;
    beforeAll(async () => {
      bed = await GatewayBed.start({ CONSOLE_ENABLED: true, CONSOLE_DIR: folder });
    });
    afterAll(() => bed.stop());

    const page = async (address: string) => {
      const response = await fetch(`${bed.gateway.url}${address}`);
      const html = await response.text();
      return { response, html, nonce: nonceOf(html) };
    };

    it('answers every address of the app with its page, a new nonce each time, allowed by the policy', async () => {
      const first = await page('/console');
      const deep = await page('/console/users/system?status=invited');

      for (const { response, html, nonce } of [first, deep]) {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(response.headers.get('cache-control')).toBe('no-cache');
        expect(html).not.toContain('__CSP_NONCE__');
        expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(response.headers.get('content-security-policy')).toBe(
          "default-src 'none'; script-src 'self'; " +
            `style-src 'self' 'nonce-${nonce ?? ''}'; img-src 'self' data:; font-src 'self'; ` +
            "connect-src 'self'; manifest-src 'self'; frame-src 'self'; frame-ancestors 'none'; " +
            "base-uri 'none'; form-action 'self'",
        );
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
      expect(deep.nonce).not.toBe(first.nonce);
    });

    it('serves the hashed files for a year, and a missing one as 404, never as the page', async () => {
      const script = await fetch(`${bed.gateway.url}/console/assets/index-abc123.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
      expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await script.text()).toBe(SCRIPT);

      const missing = await fetch(`${bed.gateway.url}/console/assets/index-old999.js`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');

      const outside = await fetch(`${bed.gateway.url}/console/assets/..%2Findex.html`);
      expect(outside.status).toBe(404);
    });
  });

  it.each([
    ['when turned off', { CONSOLE_ENABLED: false, CONSOLE_DIR: 'unused' }],
    ['without a build', { CONSOLE_ENABLED: true, CONSOLE_DIR: '/nonexistent/console' }],
  ])('is not found %s, while the API answers', async (_case, settings) => {
    const bed = await GatewayBed.start(settings);
    try {
      const response = await fetch(`${bed.gateway.url}/console/users/system`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect((await fetch(`${bed.gateway.url}/health/live`)).status).toBe(200);
    } finally {
      await bed.stop();
    }
  });
});
