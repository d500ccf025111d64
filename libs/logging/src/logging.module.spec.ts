import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino, { type LoggerOptions } from 'pino';
import createHttpLogger from 'pino-http';
import { withCorrelationId } from './correlation';
import { loggerOptions } from './logging.module';

function captureLines(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('loggerOptions', () => {
  const { pinoHttp } = loggerOptions({ service: 'identity', level: 'info' });
  const options = pinoHttp as LoggerOptions;

  it('writes JSON lines with the service and the current correlation id', () => {
    const { lines, stream } = captureLines();
    const logger = pino(options, stream);
    withCorrelationId('corr-1', () => logger.info('hello'));
    expect(lines[0]).toMatchObject({
      service: 'identity',
      correlationId: 'corr-1',
      message: 'hello',
    });
  });

  it('redacts credentials wherever they appear', () => {
    const { lines, stream } = captureLines();
    const logger = pino(options, stream);
    logger.info(
      {
        body: { password: 'Secret1!', token: 'abc' },
        req: { headers: { authorization: 'Bearer x' } },
      },
      'login',
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('Secret1!');
    expect(text).not.toContain('Bearer x');
    expect(text).not.toContain('"abc"');
  });

  describe('request lines', () => {
    let server: Server;
    let url: string;
    const { lines, stream } = captureLines();

    beforeAll(async () => {
      const logRequest = createHttpLogger({ ...options }, stream);
      server = createServer((request, response) => {
        logRequest(request, response);
        response.end('ok');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    const loggedUrlOf = async (path: string): Promise<unknown> => {
      await (await fetch(`${url}${path}`)).text();
      const line = lines.at(-1) as { req: { url: string } };
      return line.req.url;
    };

    it('censor the token of an invitation link, the ticket of a template preview and token query parameters, and keep the rest', async () => {
      const secret = 'kX9-secret_Token0123456789abcdef';
      expect(await loggedUrlOf(`/invite/${secret}`)).toBe('/invite/[redacted]');
      expect(await loggedUrlOf(`/v1/template-previews/${secret}`)).toBe(
        '/v1/template-previews/[redacted]',
      );
      expect(await loggedUrlOf(`/reset-password?token=${secret}&lang=nl`)).toBe(
        '/reset-password?token=[redacted]&lang=nl',
      );
      expect(await loggedUrlOf(`/v1/invitations/lookup?lang=de&%74oken=${secret}`)).toBe(
        '/v1/invitations/lookup?lang=de&%74oken=[redacted]',
      );
      expect(await loggedUrlOf('/v1/users?q=ann&limit=5')).toBe('/v1/users?q=ann&limit=5');
      expect(JSON.stringify(lines)).not.toContain(secret);
    });
  });

  it('censors a token in the parsed query a framework adds to the request', () => {
    const { lines, stream } = captureLines();
    pino(options, stream).info({ req: { url: '/x', query: { token: 'abc123', q: 'ann' } } }, 'x');
    expect(lines[0]).toMatchObject({ req: { query: { token: '[redacted]', q: 'ann' } } });
  });
});
