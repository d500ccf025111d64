import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { createDatabase } from './databases';
import { provideInfrastructure, type Infrastructure } from './infrastructure';

describe('provideInfrastructure', () => {
  let infrastructure: Infrastructure;

  beforeAll(async () => {
    infrastructure = await provideInfrastructure();
  }, 120_000);

  afterAll(() => infrastructure?.stop());

  it('provides a Postgres that accepts isolated databases', async () => {
    const url = await createDatabase(infrastructure.postgresUrl);
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ answer: number }>('SELECT 41 + 1 AS answer');
    await client.end();
    expect(rows[0]?.answer).toBe(42);
  });

  it('provides a NATS server with JetStream enabled', async () => {
    const nc = await connect({ servers: infrastructure.natsUrl });
    const info = nc.info;
    await nc.close();
    expect(info?.jetstream).toBe(true);
  });
});
