import type { Stack } from '../src/stack';

/** `count` top-level consumer accounts named "Fleet <6 hex> <n>", inserted in one statement. */
export async function seedAccounts(stack: Stack, count: number): Promise<void> {
  await stack.query(
    `INSERT INTO accounts.accounts (id, parent_key, path, depth, name, name_key, type, language,
       feature_flags, licence, status, created_at, updated_at)
     SELECT id, '00000000-0000-0000-0000-000000000000', ARRAY[id], 0, name, lower(name),
       'consumer', 'en', '{}', 'compact', 'active', now(), now()
     FROM (SELECT gen_random_uuid() AS id,
                  'Fleet ' || upper(substr(md5(n::text), 1, 6)) || ' ' || n AS name
           FROM generate_series(1, $1::int) AS n) AS generated`,
    [count],
  );
  await stack.query('ANALYZE accounts.accounts');
}
