import { isUniqueViolation } from '@onramp/persistence';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { isAllowed, scopeOf, type Caller } from '@onramp/authz';
import { accounts, isUuid } from '@onramp/contracts';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { Outbox } from '@onramp/messaging';
import { nameKey } from '../common/names';
import { decodeCursor, page, pageLimit } from '@onramp/persistence';
import type { Account } from '../generated/prisma/client';
import { AccountAccess } from './account-access';
import {
  accountViolations,
  MAX_DEPTH,
  normaliseAccount,
  parseRate,
  RATE_VIOLATION,
  type AccountFields,
} from './account-fields';
import { accountMessage } from './account-message';
import { AccountsRepository, type Transaction } from './accounts.repository';
import { PlanCatalogue } from './plan-catalogue';

/** The parent key of top-level accounts (sibling names are unique there too). */
export const TOP_LEVEL = '00000000-0000-0000-0000-000000000000';

type CreateInput = accounts.CreateAccountRequest;
type UpdateInput = accounts.UpdateAccountRequest;

export function fieldsOf(input: CreateInput): AccountFields {
  return {
    relation: input.relation === '' ? null : input.relation,
    name: input.name,
    type: input.type,
    companyLegalName: input.company?.legalName ?? '',
    companyRegistrationNumber: input.company?.registrationNumber ?? '',
    companyVatNumber: input.company?.vatNumber ?? '',
    billingLine1: input.billingAddress?.line1 ?? '',
    billingLine2: input.billingAddress?.line2 ?? '',
    billingPostalCode: input.billingAddress?.postalCode ?? '',
    billingCity: input.billingAddress?.city ?? '',
    billingCountry: input.billingAddress?.country ?? '',
    contactName: input.contact?.name ?? '',
    contactPhone: input.contact?.phone ?? '',
    contactEmail: input.contact?.email ?? '',
    contactGender: input.contact?.gender ?? '',
    language: input.language === '' ? 'en' : input.language,
    plan: input.plan,
    featureFlags: input.featureFlags,
    paymentReference: input.paymentReference,
    reimbursementRate: null,
    stationIssueEmails: input.stationIssueEmails,
    licence: input.licence === '' ? 'compact' : input.licence,
    status: 'active',
    level: input.level,
  };
}

/**
 * The fields normalised, with the rate parsed when given, and whatever breaks the account rules.
 * `plans` checks the plan against the catalogue; left out when the plan is not being set.
 * `billingAddressRequired` is as in `accountViolations`.
 */
export function checkedFields(
  fields: AccountFields,
  hasParent: boolean,
  rateText: string | undefined,
  plans: PlanCatalogue | undefined,
  billingAddressRequired = true,
): { fields: AccountFields; violations: FieldViolation[] } {
  const normalised = normaliseAccount(fields);
  const violations = accountViolations(normalised, hasParent, billingAddressRequired);
  const planViolation = plans?.violation(normalised.plan);
  if (planViolation !== undefined) violations.push(planViolation);
  if (rateText !== undefined) {
    const rate = parseRate(rateText);
    if (rate === undefined) violations.push(RATE_VIOLATION);
    else normalised.reimbursementRate = rate;
  }
  return { fields: normalised, violations };
}

/** The fields as checked by `checkedFields`, or `validation_failed` with every violation. */
function validated(
  fields: AccountFields,
  hasParent: boolean,
  rateText: string | undefined,
  plans: PlanCatalogue | undefined,
) {
  const checked = checkedFields(fields, hasParent, rateText, plans);
  if (checked.violations.length > 0)
    throw new DomainError('validation_failed', 'the account is not valid', checked.violations);
  return checked.fields;
}

function depthViolation(): DomainError {
  return new DomainError('validation_failed', 'the account tree would be too deep', [
    { field: 'parentId', message: `accounts nest at most ${MAX_DEPTH + 1} levels deep` },
  ]);
}

function nameTaken(): DomainError {
  return new DomainError('conflict', 'an account with this name already exists at this level', [
    { field: 'name', message: 'must be unique among its sibling accounts' },
  ]);
}

/** Accounts and their tree: create, read, list within the caller's scope, update and move. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly repository: AccountsRepository,
    private readonly access: AccountAccess,
    private readonly outbox: Outbox,
    private readonly plans: PlanCatalogue,
  ) {}

  async create(caller: Caller, input: CreateInput): Promise<Account> {
    const parent =
      input.parentId === undefined
        ? null
        : await this.access.require(caller, input.parentId, 'accounts.manage');
    if (parent === null && !isAllowed(caller, 'accounts.create', { platform: true }))
      throw new DomainError('forbidden', 'you may not create top-level accounts');
    const fields = validated(
      fieldsOf(input),
      parent !== null,
      input.reimbursementRateEurPerKwh,
      this.plans,
    );
    if (parent !== null && parent.depth + 1 > MAX_DEPTH) throw depthViolation();

    try {
      const account = await this.repository.transaction(async (transaction) => {
        if (await this.nameTakenUnder(transaction, parent, fields.name)) throw nameTaken();
        return this.insert(transaction, randomUUID(), parent, fields, caller.userId);
      });
      this.outbox.nudge();
      return account;
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  }

  /** Whether a sibling under `parent` (null: the top level) already has this name. */
  async nameTakenUnder(
    transaction: Transaction,
    parent: Account | null,
    name: string,
  ): Promise<boolean> {
    const sibling = await this.repository.siblingNamed(
      transaction,
      parent?.id ?? TOP_LEVEL,
      nameKey(name),
    );
    return sibling !== null;
  }

  /**
   * Writes a valid account under `parent` (null: the top level) and its AccountCreated, inside
   * the caller's transaction; the caller nudges the outbox once it has committed.
   */
  async insert(
    transaction: Transaction,
    id: string,
    parent: Account | null,
    fields: AccountFields,
    byUserId: string,
  ): Promise<Account> {
    const created = await this.repository.create(transaction, {
      ...fields,
      id,
      parentId: parent?.id ?? null,
      parentKey: parent?.id ?? TOP_LEVEL,
      path: [...(parent?.path ?? []), id],
      depth: parent === null ? 0 : parent.depth + 1,
      nameKey: nameKey(fields.name),
    });
    await this.outbox.append(transaction, accounts.AccountCreatedSchema, {
      account: accountMessage(created, this.plans),
      byUserId,
      occurredAt: timestampFromDate(created.createdAt),
    });
    return created;
  }

  get(caller: Caller, accountId: string): Promise<Account> {
    return this.access.require(caller, accountId, 'accounts.read');
  }

  async list(
    caller: Caller,
    input: accounts.ListAccountsRequest,
  ): Promise<{ items: Account[]; nextCursor?: string }> {
    const limit = pageLimit(input.limit);
    const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, 2);
    const scope = scopeOf(caller, 'accounts.read');
    if (input.parentId !== undefined && !isUuid(input.parentId)) return { items: [] };
    if (!scope.everywhere && scope.accountIds.length === 0) return { items: [] };
    const query = input.query === undefined ? undefined : nameKey(input.query);
    if (query !== undefined && query.length > 200)
      throw new DomainError('validation_failed', 'the query is too long', [
        { field: 'query', message: 'at most 200 characters' },
      ]);
    const rows = await this.repository.list(
      scope,
      {
        query,
        parentId: input.parentId?.toLowerCase(),
        after: after === undefined ? undefined : { nameKey: after[0], id: after[1] },
      },
      limit + 1,
    );
    return page(rows, limit, (row) => [row.nameKey, row.id]);
  }

  async update(caller: Caller, input: UpdateInput): Promise<Account> {
    const account = await this.access.require(caller, input.accountId, 'accounts.manage');
    const current: AccountFields = { ...account };
    const moving =
      input.parentId !== undefined && input.parentId.toLowerCase() !== (account.parentId ?? '');
    const newParent =
      !moving || input.parentId === ''
        ? null
        : await this.access.require(caller, input.parentId!, 'accounts.manage');
    if (moving && newParent === null && !isAllowed(caller, 'accounts.create', { platform: true }))
      throw new DomainError('forbidden', 'you may not make an account top-level');
    const hasParent = moving ? newParent !== null : account.parentId !== null;

    const merged: AccountFields = {
      ...current,
      relation: hasParent ? (input.relation ?? current.relation) : null,
      name: input.name ?? current.name,
      type: input.type ?? current.type,
      ...(input.company === undefined
        ? {}
        : {
            companyLegalName: input.company.legalName,
            companyRegistrationNumber: input.company.registrationNumber,
            companyVatNumber: input.company.vatNumber,
          }),
      ...(input.billingAddress === undefined
        ? {}
        : {
            billingLine1: input.billingAddress.line1,
            billingLine2: input.billingAddress.line2,
            billingPostalCode: input.billingAddress.postalCode,
            billingCity: input.billingAddress.city,
            billingCountry: input.billingAddress.country,
          }),
      ...(input.contact === undefined
        ? {}
        : {
            contactName: input.contact.name,
            contactPhone: input.contact.phone,
            contactEmail: input.contact.email,
            contactGender: input.contact.gender,
          }),
      language: input.language ?? current.language,
      plan: input.plan ?? current.plan,
      featureFlags: input.featureFlags?.values ?? current.featureFlags,
      paymentReference: input.paymentReference ?? current.paymentReference,
      stationIssueEmails: input.stationIssueEmails ?? current.stationIssueEmails,
      licence: input.licence ?? current.licence,
      status: input.status ?? current.status,
      level: input.level ?? current.level,
    };
    // An account keeps a plan the catalogue has since dropped (it unlocks nothing) until the plan
    // is set again; only a plan being set must be one offered now.
    const fields = validated(
      merged,
      hasParent,
      input.reimbursementRateEurPerKwh,
      input.plan === undefined ? undefined : this.plans,
    );

    try {
      const updated = await this.repository.transaction(async (transaction) => {
        let parentPath = newParent?.path ?? [];
        if (moving) {
          await this.repository.lockTree(transaction);
          // Re-read under the lock: the new parent may itself have moved meanwhile.
          if (newParent !== null) {
            const fresh = await this.repository.findById(newParent.id, transaction);
            if (fresh === null) throw new DomainError('not_found', 'no such account');
            parentPath = fresh.path;
          }
          await this.checkMove(transaction, account, parentPath);
        }
        const parentKey = moving ? (newParent?.id ?? TOP_LEVEL) : account.parentKey;
        const key = nameKey(fields.name);
        if (moving || key !== account.nameKey) {
          const sibling = await this.repository.siblingNamed(transaction, parentKey, key);
          if (sibling !== null && sibling.id !== account.id) throw nameTaken();
        }
        if (moving)
          await this.repository.reroot(transaction, account.id, account.depth, parentPath);
        const saved = await this.repository.update(transaction, account.id, {
          ...fields,
          nameKey: key,
          parentKey,
          ...(moving ? { parentId: newParent?.id ?? null } : {}),
        });
        const occurredAt = timestampFromDate(saved.updatedAt);
        await this.outbox.append(transaction, accounts.AccountUpdatedSchema, {
          account: accountMessage(saved, this.plans),
          byUserId: caller.userId,
          occurredAt,
        });
        if (moving)
          await this.outbox.append(transaction, accounts.AccountMovedSchema, {
            accountId: saved.id,
            fromParentId: account.parentId ?? '',
            toParentId: saved.parentId ?? '',
            byUserId: caller.userId,
            occurredAt,
          });
        return saved;
      });
      this.outbox.nudge();
      return updated;
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  }

  /** No cycles (the new parent inside the subtree) and no subtree deeper than the limit. */
  private async checkMove(
    transaction: Transaction,
    account: Account,
    parentPath: string[],
  ): Promise<void> {
    if (parentPath.includes(account.id))
      throw new DomainError('validation_failed', 'an account cannot move into its own subtree', [
        { field: 'parentId', message: 'would make a cycle' },
      ]);
    const deepest = await this.repository.deepestBelow(transaction, account.id);
    if (deepest - account.depth + parentPath.length > MAX_DEPTH) throw depthViolation();
  }
}
