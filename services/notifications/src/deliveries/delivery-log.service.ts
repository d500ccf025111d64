import { Injectable } from '@nestjs/common';
import { isAllowed, type Caller } from '@onramp/authz';
import { DomainError } from '@onramp/errors';
import { decodeNewestFirst, newestFirstPage, pageLimit } from '@onramp/persistence';
import type { Delivery, DeliveryStatus } from '../generated/prisma/client';
import { DeliveriesRepository } from './deliveries.repository';

export const DELIVERY_STATUSES = [
  'queued',
  'sent',
  'failed',
  'not_sent',
  'bounced',
] as const satisfies readonly DeliveryStatus[];

export interface DeliveryLogQuery {
  to?: string;
  status?: string;
  cursor?: string;
  /** 0 means the default. */
  limit: number;
}

/** The delivery log operators read: who was sent what, when, and why not. */
@Injectable()
export class DeliveryLogService {
  constructor(private readonly repository: DeliveriesRepository) {}

  async list(
    caller: Caller,
    query: DeliveryLogQuery,
  ): Promise<{ items: Delivery[]; nextCursor?: string }> {
    // Recipients of every account appear here: the log is the installation's, not an account's.
    if (!isAllowed(caller, 'notifications.read', { platform: true }))
      throw new DomainError('forbidden', 'you may not read the delivery log');
    const limit = pageLimit(query.limit);
    const rows = await this.repository.list(
      {
        recipient: query.to?.trim().toLowerCase(),
        status: statusFilter(DELIVERY_STATUSES, query.status),
        after: decodeNewestFirst(query.cursor),
      },
      limit + 1,
    );
    return newestFirstPage(rows, limit);
  }
}

/** A log's status filter: undefined when absent, one of `statuses`, or validation_failed. */
export function statusFilter<Status extends string>(
  statuses: readonly Status[],
  status: string | undefined,
): Status | undefined {
  if (status === undefined) return undefined;
  if ((statuses as readonly string[]).includes(status)) return status as Status;
  throw new DomainError('validation_failed', 'the status is not known', [
    { field: 'status', message: `must be one of ${statuses.join(', ')}` },
  ]);
}
