import path from 'node:path';
import { createPgAdapter } from '@onramp/persistence';
import { parkedOnceEach, ServiceTestBed } from '@onramp/service-testing';
import { invitationsConfig } from './config/invitations-config';
import { invitationsFeatures } from './features';
import { PrismaClient } from './generated/prisma/client';

let bed: ServiceTestBed;

beforeAll(async () => {
  bed = await ServiceTestBed.start({
    name: 'invitations',
    config: invitationsConfig,
    migrationsDir: path.join(__dirname, '..', 'prisma', 'migrations'),
    createClient: (databaseUrl) => new PrismaClient({ adapter: createPgAdapter(databaseUrl) }),
    features: invitationsFeatures,
  });
}, 120_000);

afterAll(() => bed?.stop());

it('parks an event no consumer can decode, once at each, listed and counted on /metrics', async () => {
  const outcomes = await (await bed.instance()).poisonEveryConsumer();

  expect(Object.keys(outcomes)).toEqual(
    expect.arrayContaining(['invitations-invitation-provisionings']),
  );
  expect(outcomes).toEqual(parkedOnceEach(Object.keys(outcomes)));
});
