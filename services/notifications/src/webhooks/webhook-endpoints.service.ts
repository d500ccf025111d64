import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { holdsAnywhere, isAllowed, scopeOf, type Caller, type Target } from '@onramp/authz';
import { isUuid } from '@onramp/contracts';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { MAX_WEBHOOK_DESCRIPTION_LENGTH } from '@onramp/notification-rules';
import { decodeNewestFirst, newestFirstPage, pageLimit } from '@onramp/persistence';
import { statusFilter } from '../deliveries/delivery-log.service';
import { SettingsCipher } from '../email/settings-cipher';
import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
} from '../generated/prisma/client';
import { Destinations } from './destinations';
import { isWebhookEventType, webhookEventTypes } from './event-types';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { newSigningSecret, secretContext } from './webhook-signature';

/** Per account, and for the platform: enough for real integrations, a bound on fan-out. */
export const MAX_ENDPOINTS_PER_OWNER = 20;
const DELIVERY_STATUSES = [
  'pending',
  'delivered',
  'failed',
] as const satisfies readonly WebhookDeliveryStatus[];

export interface NewWebhook {
  /** Absent: the platform's endpoint. */
  accountId?: string;
  url: string;
  eventTypes: readonly string[];
  description: string;
}

export interface PageQuery {
  cursor?: string;
  /** 0 means the default. */
  limit: number;
}

/**
 * Partners' endpoints as their owners manage them. An endpoint belongs to an account (managed
 * with webhooks.manage granted on that account, or on the platform) or to the platform (managed
 * with webhooks.manage on the platform), as API keys belong to their account. One the caller may
 * not manage answers not_found, as an unknown one does.
 */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly destinations: Destinations,
    private readonly cipher: SettingsCipher,
  ) {}

  eventTypes(caller: Caller): { name: string; description: string }[] {
    if (!holdsAnywhere(caller, 'webhooks.manage'))
      throw new DomainError('forbidden', 'you may not manage webhooks');
    return Object.entries(webhookEventTypes).map(([name, description]) => ({ name, description }));
  }

  /** Registers the endpoint; its signing secret is answered this once and stored sealed. */
  async create(
    caller: Caller,
    input: NewWebhook,
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const accountId = input.accountId?.toLowerCase() ?? null;
    const url = input.url.trim();
    const eventTypes = [...new Set(input.eventTypes)].sort();
    const description = input.description.trim();
    const violations: FieldViolation[] = [];
    if (accountId !== null && !isUuid(accountId))
      violations.push({ field: 'accountId', message: 'must be a UUID' });
    if (eventTypes.length === 0)
      violations.push({ field: 'eventTypes', message: 'at least one event type is required' });
    for (const type of eventTypes.filter((name) => !isWebhookEventType(name)))
      violations.push({ field: 'eventTypes', message: `unknown "${type}"` });
    if (description.length > MAX_WEBHOOK_DESCRIPTION_LENGTH)
      violations.push({
        field: 'description',
        message: `must be at most ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters`,
      });
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the webhook is not valid', violations);

    if (!isAllowed(caller, 'webhooks.manage', ownerTarget(accountId)))
      throw new DomainError(
        'forbidden',
        accountId === null
          ? 'you may not manage the platform’s webhooks'
          : 'you may not manage the webhooks of this account',
      );
    // Resolved only for a caller who may register: nobody else learns what a name resolves to.
    const refusal = await this.destinations.refusal(url);
    if (refusal !== undefined)
      throw new DomainError('validation_failed', `${url} may not receive webhooks`, [
        { field: 'url', message: refusal },
      ]);
    if ((await this.endpoints.countOwnedBy(accountId)) >= MAX_ENDPOINTS_PER_OWNER)
      throw new DomainError(
        'conflict',
        `${accountId === null ? 'the platform' : 'this account'} already has ${MAX_ENDPOINTS_PER_OWNER} webhooks; delete one first`,
      );

    const id = randomUUID();
    const secret = newSigningSecret();
    const endpoint = await this.endpoints.create({
      id,
      accountId,
      url,
      eventTypes,
      description,
      encryptedSecret: this.cipher.seal(secret, secretContext(id)),
      createdBy: caller.apiKeyId === '' ? caller.userId : caller.apiKeyId,
    });
    return { endpoint, secret };
  }

  async list(
    caller: Caller,
    query: PageQuery & { accountId?: string },
  ): Promise<{ items: WebhookEndpoint[]; nextCursor?: string }> {
    const scope = scopeOf(caller, 'webhooks.manage');
    if (!scope.everywhere && scope.accountIds.length === 0)
      throw new DomainError('forbidden', 'you may not manage webhooks');
    const accountId = query.accountId?.toLowerCase();
    if (accountId !== undefined && !isUuid(accountId))
      throw new DomainError('validation_failed', 'the account id is not valid', [
        { field: 'accountId', message: 'must be a UUID' },
      ]);
    const limit = pageLimit(query.limit);
    const rows = await this.endpoints.list(
      scope,
      accountId,
      decodeNewestFirst(query.cursor),
      limit + 1,
    );
    return newestFirstPage(rows, limit);
  }

  get(caller: Caller, id: string): Promise<WebhookEndpoint> {
    return this.managed(caller, id);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    const endpoint = await this.managed(caller, id);
    await this.endpoints.delete(endpoint.id);
  }

  /** Failures counted so far are forgotten: the endpoint starts afresh. */
  async enable(caller: Caller, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.managed(caller, id);
    return endpoint.status === 'enabled' ? endpoint : this.endpoints.enable(endpoint.id);
  }

  async deliveryLog(
    caller: Caller,
    id: string,
    query: PageQuery & { status?: string },
  ): Promise<{ items: WebhookDelivery[]; nextCursor?: string }> {
    const endpoint = await this.managed(caller, id);
    const limit = pageLimit(query.limit);
    const rows = await this.deliveries.list(
      {
        endpointId: endpoint.id,
        status: statusFilter(DELIVERY_STATUSES, query.status),
        after: decodeNewestFirst(query.cursor),
      },
      limit + 1,
    );
    return newestFirstPage(rows, limit);
  }

  private async managed(caller: Caller, id: string): Promise<WebhookEndpoint> {
    const endpoint = isUuid(id) ? await this.endpoints.find(id.toLowerCase()) : null;
    if (endpoint === null || !isAllowed(caller, 'webhooks.manage', ownerTarget(endpoint.accountId)))
      throw new DomainError('not_found', 'no such webhook');
    return endpoint;
  }
}

function ownerTarget(accountId: string | null): Target {
  return accountId === null ? { platform: true } : { accountIds: [accountId] };
}
