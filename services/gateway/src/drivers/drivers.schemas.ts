import {
  LICENCE_PLATE,
  MAX_DRIVER_INFO_LENGTH,
  MAX_DRIVER_USER_GROUPS,
  MAX_GROUP_NAME_LENGTH,
  MAX_LICENCE_PLATE_INPUT_LENGTH,
  MAX_VEHICLE_TEXT_LENGTH,
} from '@onramp/account-rules';
import { z } from 'zod';
import { id, page, pageQueryFields, searchQuery, timestamp } from '../http/common.schemas';

export const driverTabs = ['active', 'invited', 'to_be_approved'] as const;

const info = z.string().max(MAX_DRIVER_INFO_LENGTH);

export const vehicleBody = z.strictObject({
  make: z.string().min(1).max(MAX_VEHICLE_TEXT_LENGTH).optional(),
  model: z.string().min(1).max(MAX_VEHICLE_TEXT_LENGTH).optional(),
  licencePlate: z
    .string()
    .max(MAX_LICENCE_PLATE_INPUT_LENGTH)
    .regex(LICENCE_PLATE, 'at most 15 letters and digits, with spaces or dashes between them')
    .optional()
    .describe('Stored upper case without spaces or dashes'),
});

/** Only the fields given change. */
export const updateDriverBody = z
  .strictObject({
    costCenterId: id()
      .nullable()
      .optional()
      .describe('An existing cost center of the account; null removes it'),
    newCostCenterName: z
      .string()
      .min(1)
      .max(MAX_GROUP_NAME_LENGTH)
      .optional()
      .describe('Adds a cost center with this name (or reuses the one so named) and sets it'),
    info1: info.nullable().optional(),
    info2: info.nullable().optional(),
    vehicle: vehicleBody.optional().describe('Replaces the vehicle as a whole'),
    userGroupIds: z
      .array(id())
      .max(MAX_DRIVER_USER_GROUPS)
      .optional()
      .describe("Replaces the driver's user groups; a Pro licence needs at least one"),
    prioritised: z
      .boolean()
      .optional()
      .describe('Keeps charging at full speed when energy management limits the load'),
  })
  .refine((body) => body.costCenterId === undefined || body.newCostCenterName === undefined, {
    message: 'give costCenterId or newCostCenterName, not both',
    path: ['newCostCenterName'],
  });

export const driverParams = z.strictObject({ id: id(), userId: id() });

export const listDriversQuery = z.strictObject({
  tab: z
    .enum(driverTabs)
    .default('active')
    .describe(
      'invited: users added without a password and open driver invitations by email; ' +
        'to_be_approved: self-registered users awaiting approval',
    ),
  q: searchQuery('Part of the name or email, case-insensitive'),
  ...pageQueryFields,
});

export const driverInvitation = z
  .object({
    id: z.string().describe('Resend with POST /v1/invitations/{id}/resend, revoke with …/revoke'),
    status: z.enum(['pending', 'expired']).describe('An expired invitation can still be resent'),
    expiresAt: timestamp(),
  })
  .describe(
    'Set on the invited tab for someone invited by email (an account or account_user invitation ' +
      'with the role driver, or an end_user driver whose sub-account goes under this account) ' +
      'who has not accepted yet; null otherwise',
  );

export const driverResponse = z.object({
  accountId: z.string(),
  userId: z.string().nullable().describe('null for an invitation not accepted yet'),
  email: z.string(),
  name: z.string(),
  status: z.string().describe('invited, active, deactivated or pending_approval'),
  costCenterId: z.string().nullable(),
  info1: z.string().nullable(),
  info2: z.string().nullable(),
  vehicle: z
    .object({
      make: z.string().nullable(),
      model: z.string().nullable(),
      licencePlate: z.string().nullable(),
    })
    .nullable(),
  userGroupIds: z.array(z.string()),
  prioritised: z.boolean(),
  chargingCardIds: z.array(z.string()).describe("The account's cards assigned to the driver"),
  invitation: driverInvitation.nullable(),
});

export const driverPageResponse = page(driverResponse);

export type UpdateDriverBody = z.output<typeof updateDriverBody>;
export type DriverParams = z.output<typeof driverParams>;
export type ListDriversQuery = z.output<typeof listDriversQuery>;
export type DriverResponse = z.output<typeof driverResponse>;
export type DriverPageResponse = z.output<typeof driverPageResponse>;
