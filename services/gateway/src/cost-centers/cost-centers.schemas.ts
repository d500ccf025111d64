import { MAX_GROUP_NAME_LENGTH } from '@onramp/account-rules';
import { z } from 'zod';
import { id, page, pageQueryFields, searchQuery, timestamp } from '../http/common.schemas';

export const costCenterBody = z.strictObject({
  name: z.string().min(1).max(MAX_GROUP_NAME_LENGTH).describe('Unique within the account'),
});

export const costCenterParams = z.strictObject({ id: id(), costCenterId: id() });

export const listCostCentersQuery = z.strictObject({
  q: searchQuery('Part of the name, case-insensitive'),
  ...pageQueryFields,
});

export const costCenterResponse = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  createdAt: timestamp().nullable(),
});

export const costCenterPageResponse = page(costCenterResponse);

export type CostCenterBody = z.output<typeof costCenterBody>;
export type CostCenterParams = z.output<typeof costCenterParams>;
export type ListCostCentersQuery = z.output<typeof listCostCentersQuery>;
export type CostCenterResponse = z.output<typeof costCenterResponse>;
export type CostCenterPageResponse = z.output<typeof costCenterPageResponse>;
