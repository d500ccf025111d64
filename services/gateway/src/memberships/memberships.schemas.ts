import { isPermission, isRole, permissions, roles } from '@onramp/authz';
import { z } from 'zod';
import { id, timestamp } from '../http/common.schemas';

const roleNames = Object.keys(roles).filter(isRole);
const permissionNames = permissions.filter(isPermission);

export const role = z.enum(roleNames);
export const permission = z.enum(permissionNames);

/** The parts of a membership a client sets; identity checks the scope rules and the granter. */
const membershipFields = {
  platform: z.boolean().describe('A platform-wide membership (operator staff) names no accounts'),
  accountIds: z
    .array(id())
    .max(100)
    .describe('The accounts the membership covers (its permission level); at least one'),
  roles: z.array(role).min(1).max(roleNames.length),
  additionalPermissions: z.array(permission).max(permissionNames.length),
};

export const membershipBody = z.strictObject({
  platform: membershipFields.platform.default(false),
  accountIds: membershipFields.accountIds.default([]),
  roles: membershipFields.roles,
  additionalPermissions: membershipFields.additionalPermissions.default([]),
});

/** Only the fields given change; the rest keep their current value. */
export const membershipPatchBody = z.strictObject({
  platform: membershipFields.platform.optional(),
  accountIds: membershipFields.accountIds.optional(),
  roles: membershipFields.roles.optional(),
  additionalPermissions: membershipFields.additionalPermissions.optional(),
});

export const membershipParams = z.strictObject({ id: id(), membershipId: id() });

export const membershipResponse = z.object({
  id: z.string(),
  platform: z.boolean(),
  accountIds: z.array(z.string()),
  roles: z.array(z.string()),
  additionalPermissions: z.array(z.string()),
  createdAt: timestamp().nullable(),
});

export type MembershipBody = z.output<typeof membershipBody>;
export type MembershipPatchBody = z.output<typeof membershipPatchBody>;
export type MembershipParams = z.output<typeof membershipParams>;
export type MembershipResponse = z.output<typeof membershipResponse>;
