import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  isAllowed,
  isPermission,
  platformOnlyPermissions,
  scopeOf,
  type AccessScope,
  type Caller,
} from '@onramp/authz';
import { identity, isUuid } from '@onramp/contracts';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { Outbox } from '@onramp/messaging';
import { AccountTree } from '@onramp/account-tree';
import type { ApiKey } from '../generated/prisma/client';
import { randomToken, sha256 } from '../secrets';
import { displayPrefix, formatApiKey } from './api-key-format';
import { ApiKeysRepository } from './api-keys.repository';

const MAX_NAME_LENGTH = 100;

/**
 * Partner credentials: one account, a subset of what their creator holds there. A grant on an
 * account reaches its sub-accounts' keys too, at any depth.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly repository: ApiKeysRepository,
    private readonly outbox: Outbox,
    private readonly lineages: AccountTree,
  ) {}

  async create(
    caller: Caller,
    input: { accountId: string; name: string; permissions: string[] },
  ): Promise<{ apiKey: ApiKey; secret: string }> {
    const accountId = input.accountId.toLowerCase();
    const name = input.name.trim();
    const permissions = [...new Set(input.permissions)].sort();
    const violations: FieldViolation[] = [];
    if (!isUuid(accountId)) violations.push({ field: 'accountId', message: 'must be a UUID' });
    if (name.length === 0 || name.length > MAX_NAME_LENGTH)
      violations.push({ field: 'name', message: `must be 1 to ${MAX_NAME_LENGTH} characters` });
    if (permissions.length === 0)
      violations.push({ field: 'permissions', message: 'at least one permission is required' });
    for (const permission of permissions) {
      if (!isPermission(permission))
        violations.push({ field: 'permissions', message: `unknown "${permission}"` });
      else if (platformOnlyPermissions.has(permission))
        violations.push({
          field: 'permissions',
          message: `"${permission}" is a platform permission`,
        });
    }
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the API key is not valid', violations);

    const lineageOf = await this.lineages.lineagesOf([accountId]);
    const target = { accountIds: lineageOf(accountId) };
    if (!isAllowed(caller, 'api_keys.manage', target))
      throw new DomainError('forbidden', 'you may not manage API keys of this account');
    // A key never carries more than its creator holds in that account (or above it).
    if (
      !permissions.filter(isPermission).every((permission) => isAllowed(caller, permission, target))
    )
      throw new DomainError('forbidden', 'an API key cannot hold permissions you do not hold');

    const id = randomUUID();
    const secret = randomToken();
    const apiKey = await this.repository.create(
      {
        id,
        accountId,
        name,
        prefix: displayPrefix(id),
        secretHash: new Uint8Array(sha256(secret)),
        permissions,
        createdByUserId: caller.userId === '' ? null : caller.userId,
      },
      async (transaction, created) => {
        await this.outbox.append(transaction, identity.ApiKeyCreatedSchema, {
          apiKeyId: created.id,
          accountId: created.accountId,
          permissions: created.permissions,
          byUserId: caller.userId,
          occurredAt: timestampFromDate(created.createdAt),
        });
      },
    );
    this.outbox.nudge();
    return { apiKey, secret: formatApiKey(id, secret) };
  }

  async list(caller: Caller, accountId: string | undefined): Promise<ApiKey[]> {
    if (accountId !== undefined && !isUuid(accountId)) return [];
    const scope = scopeOf(caller, 'api_keys.read');
    const reach: AccessScope = scope.everywhere
      ? scope
      : { everywhere: false, accountIds: await this.lineages.subtreesOf(scope.accountIds) };
    return this.repository.list(reach, accountId?.toLowerCase());
  }

  async revoke(caller: Caller, apiKeyId: string): Promise<void> {
    const key = isUuid(apiKeyId) ? await this.repository.findById(apiKeyId) : null;
    const lineageOf = await this.lineages.lineagesOf(key === null ? [] : [key.accountId]);
    const target = { accountIds: key === null ? [] : lineageOf(key.accountId) };
    if (
      key === null ||
      !(isAllowed(caller, 'api_keys.read', target) || isAllowed(caller, 'api_keys.manage', target))
    )
      throw new DomainError('not_found', 'no such API key');
    if (!isAllowed(caller, 'api_keys.manage', target))
      throw new DomainError('forbidden', 'you may not manage API keys of this account');
    if (key.revokedAt !== null) return;
    await this.repository.revoke(key.id, async (transaction, revoked) => {
      await this.outbox.append(transaction, identity.ApiKeyRevokedSchema, {
        apiKeyId: revoked.id,
        accountId: revoked.accountId,
        byUserId: caller.userId,
        occurredAt: timestampFromDate(new Date()),
      });
    });
    this.outbox.nudge();
  }
}

/** The public view of a key: never its hash. */
export function apiKeyMessage(key: ApiKey): MessageInitShape<typeof identity.ApiKeySchema> {
  return {
    id: key.id,
    accountId: key.accountId,
    name: key.name,
    prefix: key.prefix,
    permissions: key.permissions,
    createdByUserId: key.createdByUserId ?? '',
    createdAt: timestampFromDate(key.createdAt),
    lastUsedAt: key.lastUsedAt === null ? undefined : timestampFromDate(key.lastUsedAt),
    revokedAt: key.revokedAt === null ? undefined : timestampFromDate(key.revokedAt),
  };
}
