import { z } from 'zod';
import { id, page, pageQueryFields, timestamp } from '../http/common.schemas';

const name = z.string().min(1).max(200).describe('Unique within the account');
// Stations live in the operator's charging back end, so their ids are its, not Onramp's UUIDs.
const stationIds = z
  .array(z.string().min(1).max(100))
  .max(100)
  .describe('The stations the members may charge at (on a Pro licence)');
const stationGroupIds = z
  .array(z.string().min(1).max(100))
  .max(100)
  .describe('The station groups the members may charge at (on a Pro licence)');

export const createUserGroupBody = z.strictObject({
  name,
  stationIds: stationIds.default([]),
  stationGroupIds: stationGroupIds.default([]),
});

/** Only the fields given change; a list given replaces the current one. */
export const updateUserGroupBody = z.strictObject({
  name: name.optional(),
  stationIds: stationIds.optional(),
  stationGroupIds: stationGroupIds.optional(),
});

export const userGroupParams = z.strictObject({ id: id(), userGroupId: id() });

export const listUserGroupsQuery = z.strictObject(pageQueryFields);

export const userGroupResponse = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  stationIds: z.array(z.string()),
  stationGroupIds: z.array(z.string()),
  createdAt: timestamp().nullable(),
});

export const userGroupPageResponse = page(userGroupResponse);

export type CreateUserGroupBody = z.output<typeof createUserGroupBody>;
export type UpdateUserGroupBody = z.output<typeof updateUserGroupBody>;
export type UserGroupParams = z.output<typeof userGroupParams>;
export type ListUserGroupsQuery = z.output<typeof listUserGroupsQuery>;
export type UserGroupResponse = z.output<typeof userGroupResponse>;
export type UserGroupPageResponse = z.output<typeof userGroupPageResponse>;
