import { isUniqueViolation } from '@onramp/persistence';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Caller } from '@onramp/authz';
import { accounts, isUuid } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { Outbox } from '@onramp/messaging';
import { AccountAccess } from '../accounts/account-access';
import { DriversRepository } from '../drivers/drivers.repository';
import { decodeCursor, page, pageLimit, searchText } from '@onramp/persistence';
import type { ChargingCard, Prisma } from '../generated/prisma/client';
import { cardViolations, type CardFields } from './card-fields';
import { cardMessage } from './card-message';
import { ChargingCardsRepository } from './charging-cards.repository';

/** Charging cards (OCPI Tokens): never deleted, only invalidated; assigned to drivers. */
@Injectable()
export class ChargingCardsService {
  constructor(
    private readonly repository: ChargingCardsRepository,
    private readonly access: AccountAccess,
    private readonly drivers: DriversRepository,
    private readonly outbox: Outbox,
  ) {}

  async create(caller: Caller, request: accounts.CreateChargingCardRequest): Promise<ChargingCard> {
    const account = await this.access.require(caller, request.accountId, 'charging_cards.manage');
    const fields: CardFields = {
      type: request.type,
      contractId: request.contractId.trim(),
      visualNumber: request.visualNumber.trim(),
      issuer: request.issuer.trim(),
      groupId: request.groupId.trim(),
      whitelist: request.whitelist === '' ? 'ALLOWED' : request.whitelist,
      language: request.language,
    };
    const violations = cardViolations(fields, request.uid);
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the charging card is not valid', violations);
    const assignedUserId = await this.assignee(account.id, request.assignedUserId);
    try {
      return await this.write(caller, 'created', (transaction) =>
        this.repository.create(transaction, {
          ...fields,
          id: randomUUID(),
          accountId: account.id,
          uid: request.uid,
          assignedUserId: assignedUserId ?? null,
          lastUpdated: new Date(),
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError('conflict', 'a charging card with this uid already exists', [
          { field: 'uid', message: 'must be unique across the platform' },
        ]);
      throw error;
    }
  }

  /**
   * The card as reached through its account: the caller's rights are checked on that account,
   * and a card of any other account is "not_found".
   */
  async get(
    caller: Caller,
    accountId: string,
    id: string,
    permission: 'charging_cards.read' | 'charging_cards.manage',
  ): Promise<ChargingCard> {
    const account = await this.access.require(caller, accountId, permission, [
      'charging_cards.read',
    ]);
    const card = isUuid(id) ? await this.repository.cardOf(account.id, id.toLowerCase()) : null;
    if (card === null) throw new DomainError('not_found', 'no such charging card');
    return card;
  }

  async list(caller: Caller, request: accounts.ListChargingCardsRequest) {
    const account = await this.access.require(caller, request.accountId, 'charging_cards.read');
    const limit = pageLimit(request.limit);
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, 1)[0];
    const query = searchText(request.query);
    const assigned = request.assignedUserId;
    if (assigned !== undefined && !isUuid(assigned)) return { items: [] };
    const rows = await this.repository.list(
      account.id,
      { assignedUserId: assigned?.toLowerCase(), afterId: after, query },
      limit + 1,
    );
    return page(rows, limit, (row) => [row.id]);
  }

  async update(caller: Caller, request: accounts.UpdateChargingCardRequest): Promise<ChargingCard> {
    const card = await this.get(
      caller,
      request.accountId,
      request.chargingCardId,
      'charging_cards.manage',
    );
    const fields: CardFields = {
      type: request.type ?? card.type,
      contractId: request.contractId?.trim() ?? card.contractId,
      visualNumber: request.visualNumber?.trim() ?? card.visualNumber,
      issuer: request.issuer?.trim() ?? card.issuer,
      groupId: request.groupId?.trim() ?? card.groupId,
      whitelist: request.whitelist ?? card.whitelist,
      language: request.language ?? card.language,
    };
    const violations = cardViolations(fields);
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the charging card is not valid', violations);
    const assignedUserId =
      request.assignedUserId === undefined
        ? card.assignedUserId
        : ((await this.assignee(card.accountId, request.assignedUserId)) ?? null);
    return this.write(caller, 'updated', (transaction) =>
      this.repository.update(transaction, card.id, {
        ...fields,
        assignedUserId,
        lastUpdated: new Date(),
      }),
    );
  }

  async invalidate(
    caller: Caller,
    request: accounts.InvalidateChargingCardRequest,
  ): Promise<ChargingCard> {
    const card = await this.get(
      caller,
      request.accountId,
      request.chargingCardId,
      'charging_cards.manage',
    );
    if (!card.valid) return card;
    return this.write(caller, 'invalidated', (transaction) =>
      this.repository.update(transaction, card.id, { valid: false, lastUpdated: new Date() }),
    );
  }

  /** A card is assigned to a driver of its own account only, described or not; "" unassigns. */
  private async assignee(accountId: string, userId: string | undefined) {
    if (userId === undefined || userId === '') return undefined;
    const id = userId.toLowerCase();
    if (!(await this.drivers.isDriver(accountId, id)))
      throw new DomainError(
        'validation_failed',
        'the card can only go to a driver of the account',
        [{ field: 'assignedUserId', message: 'not a driver of this account' }],
      );
    return id;
  }

  private async write(
    caller: Caller,
    change: string,
    work: (transaction: Prisma.TransactionClient) => Promise<ChargingCard>,
  ): Promise<ChargingCard> {
    const card = await this.repository.transaction(async (transaction) => {
      const saved = await work(transaction);
      await this.outbox.append(transaction, accounts.ChargingCardChangedSchema, {
        chargingCard: cardMessage(saved),
        change,
        byUserId: caller.userId,
        occurredAt: timestampFromDate(saved.lastUpdated),
      });
      return saved;
    });
    this.outbox.nudge();
    return card;
  }
}
