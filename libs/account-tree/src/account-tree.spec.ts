import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { SqlClient } from '@onramp/persistence';
import {
  createDatabase,
  pgDatabase,
  provideInfrastructure,
  type Infrastructure,
} from '@onramp/testing';
import { AccountTree } from './account-tree';

const SCHEMA_SQL = `
  CREATE SCHEMA tree;
  CREATE TABLE tree.account_lineages (account_id uuid PRIMARY KEY, ancestor_ids uuid[] NOT NULL);`;

describe('the account tree a service keeps (real Postgres)', () => {
  let infrastructure: Infrastructure;
  let pool: Pool;
  let tree: AccountTree;
  let database: ReturnType<typeof pgDatabase>;
  /** What the listener heard: the account, and the leaf's lineage at that moment. */
  const heard: string[] = [];

  // root > middle > leaf, and other.
  const root = randomUUID();
  const middle = randomUUID();
  const leaf = randomUUID();
  const other = randomUUID();

  const inTransaction = (work: (transaction: SqlClient) => Promise<void>) =>
    database.$transaction(work);
  const lineage = async (accountId: string) => (await tree.lineagesOf([accountId]))(accountId);

  beforeAll(async () => {
    infrastructure = await provideInfrastructure();
    pool = new Pool({ connectionString: await createDatabase(infrastructure.postgresUrl) });
    pool.on('error', () => undefined);
    await pool.query(SCHEMA_SQL);
    database = pgDatabase(pool);
    tree = new AccountTree(database, {
      service: 'tree',
      natsUrl: '',
      rpcTimeoutMs: 1,
      databaseSchema: 'tree',
    });
    tree.onLineageChanged(async (transaction, accountIds) => {
      // Listeners run inside the change's transaction and see the tree already rewritten.
      const [row] = await transaction.$queryRawUnsafe<{ ancestor_ids: string[] }[]>(
        'SELECT ancestor_ids::text[] FROM tree.account_lineages WHERE account_id = $1',
        leaf,
      );
      for (const accountId of accountIds)
        heard.push(`${accountId}:${row?.ancestor_ids.join('/') ?? 'unknown'}`);
    });
    await inTransaction(async (transaction) => {
      await tree.recordCreated(transaction, [{ accountId: root, ancestorIds: [] }]);
      await tree.recordCreated(transaction, [{ accountId: middle, ancestorIds: [root] }]);
      // A batch: the listeners hear of both once both are recorded.
      await tree.recordCreated(transaction, [
        { accountId: leaf, ancestorIds: [root, middle] },
        { accountId: other, ancestorIds: [] },
      ]);
    });
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await infrastructure?.stop();
  });

  it('gives each account its ancestors, top-level first, and an unknown account only itself', async () => {
    expect(await lineage(leaf)).toEqual([root, middle, leaf]);
    const unknown = randomUUID();
    expect(await lineage(unknown)).toEqual([unknown]);
    expect((await tree.descendantsOf([root])).sort()).toEqual([middle, leaf].sort());
    expect(await tree.subtreesOf([middle])).toEqual([middle, leaf]);
    expect(await tree.descendantsOf([])).toEqual([]);
  });

  it('tells the listeners of every creation, the leaf unknown until its own', () => {
    expect(heard).toEqual([
      `${root}:unknown`,
      `${middle}:unknown`,
      `${leaf}:${root}/${middle}`,
      `${other}:${root}/${middle}`,
    ]);
  });

  it('keeps what it knows when a creation arrives again with older ancestors', async () => {
    heard.length = 0;
    await inTransaction((transaction) =>
      tree.recordCreated(transaction, [{ accountId: leaf, ancestorIds: [other] }]),
    );
    expect(await lineage(leaf)).toEqual([root, middle, leaf]);
    expect(heard).toEqual([`${leaf}:${root}/${middle}`]);
  });

  it('moves a whole subtree, and tells the listeners once the tree is rewritten', async () => {
    heard.length = 0;
    await inTransaction((transaction) => tree.recordMoved(transaction, middle, [other]));
    expect(await lineage(middle)).toEqual([other, middle]);
    expect(await lineage(leaf)).toEqual([other, middle, leaf]);
    expect(await tree.descendantsOf([root])).toEqual([]);
    expect(heard).toEqual([`${middle}:${other}/${middle}`]);

    await inTransaction((transaction) => tree.recordMoved(transaction, middle, []));
    expect(await lineage(leaf)).toEqual([middle, leaf]);
    expect(await tree.subtreesOf([other])).toEqual([other]);
  });

  it('undoes the move with the transaction that made it', async () => {
    await expect(
      inTransaction(async (transaction) => {
        await tree.recordMoved(transaction, middle, [root]);
        throw new Error('the handler failed after the move');
      }),
    ).rejects.toThrow('the handler failed');
    expect(await lineage(leaf)).toEqual([middle, leaf]);
  });
});
