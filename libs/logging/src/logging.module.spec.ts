import { Writable } from 'node:stream';
import pino, { type LoggerOptions } from 'pino';
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
});
