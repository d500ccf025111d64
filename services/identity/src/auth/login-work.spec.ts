import { createPgAdapter } from '@onramp/persistence';
import { PasswordHasher } from '../credentials/password-hasher';
import { PrismaClient } from '../generated/prisma/client';
import { ADMIN, IdentityTestBed, type IdentityApp } from '../testing/identity-app';
import { AccessTokens } from './access-tokens';
import { AuthRepository } from './auth.repository';
import { SessionsService } from './sessions.service';

describe('a failed login does the same work for a known and an unknown email (real Postgres)', () => {
  let bed: IdentityTestBed;
  let app: IdentityApp;
  let database: PrismaClient;
  const statements: string[] = [];

  beforeAll(async () => {
    bed = await IdentityTestBed.start();
    app = await bed.app({ LOGIN_FREE_FAILURES: '1000' });
    // The service's own login path, on a client that reports every statement it sends.
    const client = new PrismaClient({
      adapter: createPgAdapter(bed.databaseUrl),
      log: [{ emit: 'event' as const, level: 'query' as const }],
    });
    client.$on('query', (event) => statements.push(event.query));
    database = client;
  }, 120_000);

  afterAll(async () => {
    await database?.$disconnect();
    await bed?.stop();
  });

  it('sends the same statements to the database, so the time tells nothing', async () => {
    const sessions = new SessionsService(
      new AuthRepository(database),
      new AccessTokens(app.config),
      new PasswordHasher(),
      app.config,
    );
    const statementsOfFailedLogin = async (email: string) => {
      statements.length = 0;
      await expect(
        sessions.login({
          email,
          password: 'Wrong-Passw0rd-42!',
          client: { ip: '127.0.0.1', userAgent: 'jest' },
        }),
      ).rejects.toMatchObject({ code: 'unauthenticated' });
      return [...statements];
    };

    const known = await statementsOfFailedLogin(ADMIN.email);
    const unknown = await statementsOfFailedLogin('nobody@example.com');
    expect(known.length).toBeGreaterThan(0);
    expect(known).toEqual(unknown);
  });
});
