import { permissions } from '@onramp/authz';
import { z } from 'zod';
import { id, timestamp } from '../http/common.schemas';
import { permission } from '../memberships/memberships.schemas';

export const listApiKeysQuery = z.strictObject({ accountId: id().optional() });

export const createApiKeyBody = z.strictObject({
  accountId: id(),
  name: z.string().min(1).max(100).describe('Tells the owners their keys apart'),
  permissions: z
    .array(permission)
    .min(1)
    .max(permissions.length)
    .describe('At most what the creator holds in the account'),
});

export const apiKeyResponse = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  prefix: z.string().describe("The key's first characters"),
  permissions: z.array(z.string()),
  createdByUserId: z.string().nullable(),
  createdAt: timestamp().nullable(),
  lastUsedAt: timestamp().nullable(),
  revokedAt: timestamp().nullable(),
});

export const apiKeyListResponse = z.object({ items: z.array(apiKeyResponse) });

export const createdApiKeyResponse = z.object({
  apiKey: apiKeyResponse,
  secret: z.string().describe('The key itself: shown this once, never again'),
});

export type ListApiKeysQuery = z.output<typeof listApiKeysQuery>;
export type CreateApiKeyBody = z.output<typeof createApiKeyBody>;
export type ApiKeyResponse = z.output<typeof apiKeyResponse>;
export type ApiKeyListResponse = z.output<typeof apiKeyListResponse>;
export type CreatedApiKeyResponse = z.output<typeof createdApiKeyResponse>;
