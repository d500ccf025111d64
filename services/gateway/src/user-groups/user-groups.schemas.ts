import {
  MAX_GROUP_NAME_LENGTH,
  MAX_STATION_ID_LENGTH,
  MAX_STATIONS_PER_GROUP,
  STATION_ID,
} from '@onramp/account-rules';
import { z } from 'zod';
import { id, page, pageQueryFields, searchQuery, timestamp } from '../http/common.schemas';

const name = z.string().min(1).max(MAX_GROUP_NAME_LENGTH).describe('Unique within the account');
// Stations live in the operator's charging back end, so their ids are its, not Onramp's UUIDs.
const stationId = z
  .string()
  .max(MAX_STATION_ID_LENGTH)
  .regex(STATION_ID, `must be 1 to ${MAX_STATION_ID_LENGTH} printable characters without spaces`);
const stationIds = z
  .array(stationId)
  .max(MAX_STATIONS_PER_GROUP)
  .describe('The stations the members may charge at (on a Pro licence)');
const stationGroupIds = z
  .array(stationId)
  .max(MAX_STATIONS_PER_GROUP)
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

export const listUserGroupsQuery = z.strictObject({
  q: searchQuery('Part of the name, case-insensitive'),
  ...pageQueryFields,
});

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
