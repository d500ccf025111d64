import { randomUUID } from 'node:crypto';
import type { common } from '@onramp/contracts';
import { identity } from '@onramp/contracts';
import { ADMIN, type IdentityApp } from './identity-app';

const methods = identity.IdentityService.method;

/** Creates an active user with one account membership and returns their authenticated Caller. */
export async function personIn(
  app: IdentityApp,
  admin: common.Caller,
  accountId: string,
  role: string,
  name = `${role}-${randomUUID().slice(0, 8)}`,
): Promise<{ caller: common.Caller; userId: string; email: string; password: string }> {
  const email = `${name}@example.com`;
  const password = `${name}-Pa55word!`;
  const { user } = await app.call(methods.createUser, {
    caller: admin,
    email,
    name,
    password,
    memberships: [{ accountIds: [accountId], roles: [role] }],
  });
  const tokens = await app.login(email, password);
  return { caller: await app.callerOf(tokens.accessToken), userId: user!.id, email, password };
}

export async function adminCaller(app: IdentityApp): Promise<common.Caller> {
  return app.callerOf((await app.login(ADMIN.email, ADMIN.password)).accessToken);
}
