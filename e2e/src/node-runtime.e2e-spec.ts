import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_SERVICES, Stack } from './stack';

/** The Node.js the setup installs and `npm start` / `npm test` run everything on. */
const pinnedVersion = `v${readFileSync(path.resolve(__dirname, '..', '..', '.node-version'), 'utf8').trim()}`;

/** The version a service names in its "listening" log line. */
function announcedVersion(output: string[]): string | undefined {
  const messages = output
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { message?: string }).message ?? '');
  for (const message of messages) {
    const version = / listening on \S+ \(Node\.js (v[\d.]+)\)$/.exec(message)?.[1];
    if (version !== undefined) return version;
  }
  return undefined;
}

describe('the Node.js every process runs on', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await Stack.start();
  }, 180_000);
  afterAll(() => stack?.stop());

  it('is the pinned one, for the tests and for every service they start', () => {
    expect(process.version).toBe(pinnedVersion);
    const announced = ALL_SERVICES.map((service) => [
      service,
      announcedVersion(stack.process(service).output()),
    ]);
    expect(Object.fromEntries(announced)).toEqual(
      Object.fromEntries(ALL_SERVICES.map((service) => [service, pinnedVersion])),
    );
  });
});
