import type { paths } from '../api/schema.gen';

type MeAnswer = paths['/v1/me']['get']['responses'][200]['content']['application/json'];
export type Me = MeAnswer;
export type Permission = NonNullable<
  paths['/v1/users/{id}/memberships']['post']['requestBody']['content']['application/json']['additionalPermissions']
>[number];

/**
 * What the console offers a user: only actions their grants allow. The API decides each call;
 * this only spares the user buttons that could never work for them.
 */
export interface Access {
  platform: boolean;
  /** Held somewhere: on the platform or in at least one account. */
  can: (permission: Permission) => boolean;
}

export function accessOf(me: Me): Access {
  const held = new Set(me.grants.flatMap((grant) => grant.permissions));
  return {
    platform: me.grants.some((grant) => grant.platform),
    can: (permission) => held.has(permission),
  };
}
