import type { MembershipShape } from '@onramp/authz';

/** A membership's shape as the columns that store it (copies, never the caller's arrays). */
export function membershipColumns(shape: MembershipShape) {
  return {
    platform: shape.platform,
    accountIds: [...shape.accountIds],
    roles: [...shape.roles],
    additionalPermissions: [...shape.additionalPermissions],
  };
}
