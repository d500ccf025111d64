/**
 * Accounts list and search through the gateway with 100k accounts in the database, beside plain
 * Fastify answering a constant on the same machine in the same run, and the query plan of the
 * search. Run: npm run bench:accounts -w e2e   (BENCH_ACCOUNTS, BENCH_SECONDS,
 * BENCH_CONNECTIONS tune it; loopback only)
 */
import { Api } from '../src/api';
import { Stack } from '../src/stack';
import { constantServer, measure, report, runBenchmark, type Figures } from './measure';
import { seedAccounts } from './seed-accounts';

const accounts = Number(process.env['BENCH_ACCOUNTS'] ?? 100_000);

/** The plan of the search the service runs (Prisma's `contains` on name_key is a LIKE). */
async function searchPlan(stack: Stack, term: string): Promise<string> {
  const rows = await stack.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
     SELECT * FROM accounts.accounts WHERE name_key LIKE $1
     ORDER BY name_key, id LIMIT 51`,
    [`%${term}%`],
  );
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

async function main(): Promise<void> {
  const baselineServer = await constantServer();
  const baseline = await measure('plain Fastify, constant JSON', { url: baselineServer.url });
  await baselineServer.close();

  const stack = await Stack.start(['identity', 'accounts', 'gateway']);
  try {
    await seedAccounts(stack, accounts);
    const { tokens } = await Api.of(stack).loginAsAdmin();
    const headers = { authorization: `Bearer ${tokens.accessToken}` };
    // A fragment of one account's name: a selective search, as a user types it.
    const term = (
      await stack.query<{ fragment: string }>(
        `SELECT substr(name_key, 8, 4) AS fragment FROM accounts.accounts ORDER BY id LIMIT 1`,
      )
    )[0].fragment;
    const runs: Figures[] = [
      baseline,
      await measure('GET /v1/accounts (first page of 50)', {
        url: `${stack.gatewayUrl}/v1/accounts?limit=50`,
        headers,
      }),
      await measure(`GET /v1/accounts?q=${term} (selective search)`, {
        url: `${stack.gatewayUrl}/v1/accounts?q=${term}&limit=50`,
        headers,
      }),
      await measure('GET /v1/accounts?q=fleet 4 (broad search)', {
        url: `${stack.gatewayUrl}/v1/accounts?q=${encodeURIComponent('fleet 4')}&limit=50`,
        headers,
      }),
    ];
    const [{ count }] = await stack.query<{ count: string }>(
      'SELECT count(*) FROM accounts.accounts',
    );
    report(runs, `; ${count} accounts`);
    for (const searched of [term, 'fleet 4']) {
      const plan = await searchPlan(stack, searched);
      console.log(`\nplan of the search for "${searched}":\n${plan}`);
      if (/Seq Scan/.test(plan)) console.log('WARNING: the search scans the table sequentially');
    }
  } finally {
    await stack.stop();
  }
}

runBenchmark(main);
