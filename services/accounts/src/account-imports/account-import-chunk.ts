import { randomUUID } from 'node:crypto';
import { MAX_ACCOUNT_TEXT } from '@onramp/account-rules';
import { isAllowed, type Caller } from '@onramp/authz';
import { accounts, common, isUuid } from '@onramp/contracts';
import type { FieldViolation } from '@onramp/errors';
import { create } from '@bufbuild/protobuf';
import { MAX_DEPTH, type AccountFields } from '../accounts/account-fields';
import { checkedFields, fieldsOf, TOP_LEVEL } from '../accounts/accounts.service';
import type { PlanCatalogue } from '../accounts/plan-catalogue';
import { nameKey } from '../common/names';
import { Prisma, type Account } from '../generated/prisma/client';
import { failed, invalid, Outcome, type RowResult } from '../imports/row-result';

/** What a chunk decided to write: new accounts (parents first) and changed ones. */
export interface ChunkWrites {
  created: Account[];
  updated: Account[];
}

/** Every stored field an import row sets; an update changes those that differ. */
const IMPORTED_FIELDS = [
  'relation',
  'name',
  'type',
  'companyLegalName',
  'companyRegistrationNumber',
  'companyVatNumber',
  'billingLine1',
  'billingLine2',
  'billingPostalCode',
  'billingCity',
  'billingCountry',
  'contactName',
  'contactPhone',
  'contactEmail',
  'contactGender',
  'language',
  'plan',
  'featureFlags',
  'paymentReference',
  'reimbursementRate',
  'stationIssueEmails',
  'licence',
  'level',
  'externalId',
] as const satisfies readonly (keyof Account)[];
type ImportedField = (typeof IMPORTED_FIELDS)[number];

function same(a: Account[ImportedField], b: Account[ImportedField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.join('\n') === b.join('\n');
  if (a instanceof Prisma.Decimal && b instanceof Prisma.Decimal) return a.equals(b);
  return a === b;
}

const siblingKey = (parentKey: string, key: string) => `${parentKey}/${key}`;

interface Parent {
  account: Account | null;
}

const NO_SUCH_ACCOUNT: FieldViolation = { field: 'parent', message: 'no such account' };

/**
 * Decides the outcome of each row of one chunk, in order, against the accounts that exist (read
 * once for the chunk) and those the chunk's earlier rows create or change. Nothing is written
 * here: the rows that pass make the chunk's writes, so one bad row never stops the others.
 */
export class AccountImportChunk {
  private readonly byId = new Map<string, Account>();
  private readonly byExternalId = new Map<string, Account>();
  private readonly bySibling = new Map<string, Account>();
  /** Accounts this chunk creates, by id (an earlier row's creation a later row may match). */
  private readonly created = new Map<string, Account>();
  private readonly updated = new Map<string, Account>();
  /** Accounts below a parent only planned (check_only): their rights are those of their row. */
  private readonly assumed = new Set<string>();

  constructor(
    private readonly caller: Caller,
    private readonly policy: common.ConflictPolicy,
    private readonly checkOnly: boolean,
    private readonly plans: PlanCatalogue,
    existing: Account[],
    private readonly plannedExternalIds: ReadonlySet<string>,
  ) {
    for (const account of existing) this.remember(account);
  }

  writes(): ChunkWrites {
    return { created: [...this.created.values()], updated: [...this.updated.values()] };
  }

  plan(row: accounts.ImportedAccount): RowResult {
    const { line } = row;
    const input = row.account ?? create(accounts.CreateAccountRequestSchema, {});
    const violations: FieldViolation[] = [];
    const externalId = row.externalId.trim();
    if (externalId.length > MAX_ACCOUNT_TEXT)
      violations.push({
        field: 'externalId',
        message: `must be at most ${MAX_ACCOUNT_TEXT} characters`,
      });
    const parent = this.parentOf(input.parentId, row.parentExternalId, violations);
    const hasParent = parent === undefined || parent.account !== null;
    const checked = checkedFields(
      fieldsOf(input),
      hasParent,
      input.reimbursementRateEurPerKwh,
      undefined,
    );
    violations.push(...checked.violations);
    const fields = checked.fields;
    if (parent?.account && parent.account.depth + 1 > MAX_DEPTH)
      violations.push({
        field: 'parent',
        message: `accounts nest at most ${MAX_DEPTH + 1} levels deep`,
      });
    if (parent === undefined) return invalid(line, violations);

    const parentKey = parent.account?.id ?? TOP_LEVEL;
    const key = nameKey(fields.name);
    const match = externalId === '' ? undefined : this.byExternalId.get(externalId);
    const sibling = this.bySibling.get(siblingKey(parentKey, key));
    const existing = match ?? sibling;
    // An account keeps a plan the catalogue has since dropped, as UpdateAccount allows.
    const planViolation =
      existing?.plan === fields.plan ? undefined : this.plans.violation(fields.plan);
    if (planViolation !== undefined) violations.push(planViolation);
    if (violations.length > 0) return invalid(line, violations);

    const refusal = this.refusal(parent.account);
    if (refusal !== undefined) return failed(line, [refusal]);
    if (match !== undefined && !this.visible(match))
      return failed(line, [{ field: 'externalId', message: 'is already used by another account' }]);
    if (
      match === undefined &&
      sibling !== undefined &&
      (!this.visible(sibling) || (externalId !== '' && sibling.externalId !== null))
    )
      return failed(line, [
        { field: 'name', message: 'must be unique among its sibling accounts' },
      ]);
    if (existing === undefined) return this.createRow(line, parent.account, fields, externalId);
    return this.existingRow(line, existing, parent.account, fields, externalId);
  }

  private existingRow(
    line: number,
    existing: Account,
    parent: Account | null,
    fields: AccountFields,
    externalId: string,
  ): RowResult {
    const id = this.answeredId(existing);
    if (this.policy === common.ConflictPolicy.FAIL)
      return failed(line, [
        existing.externalId !== null && existing.externalId === externalId
          ? { field: 'externalId', message: 'an account with this external id exists already' }
          : {
              field: 'name',
              message: 'an account with this name exists already under this parent',
            },
      ]);
    if (this.policy !== common.ConflictPolicy.UPDATE)
      return { line, outcome: Outcome.SKIPPED, id, violations: [] };
    // Moving a subtree is UpdateAccount's job, where its whole effect is seen; an import that
    // names another parent is refused for that row.
    if (existing.parentId !== (parent?.id ?? null))
      return failed(line, [
        {
          field: 'parent',
          message: "is not the account's parent: an import does not move accounts",
        },
      ]);
    if (
      !this.assumed.has(existing.id) &&
      !isAllowed(this.caller, 'accounts.manage', { accountIds: existing.path })
    )
      return failed(line, [
        { field: 'parent', message: 'you need accounts.manage on this account' },
      ]);
    const key = nameKey(fields.name);
    const namesake = this.bySibling.get(siblingKey(existing.parentKey, key));
    if (namesake !== undefined && namesake.id !== existing.id)
      return failed(line, [
        { field: 'name', message: 'must be unique among its sibling accounts' },
      ]);
    const after: Account = {
      ...existing,
      ...fields,
      status: existing.status,
      nameKey: key,
      externalId: externalId === '' ? existing.externalId : externalId,
    };
    if (IMPORTED_FIELDS.every((field) => same(after[field], existing[field])))
      return { line, outcome: Outcome.SKIPPED, id, violations: [] };
    this.bySibling.delete(siblingKey(existing.parentKey, existing.nameKey));
    this.remember(after);
    if (this.created.has(after.id)) this.created.set(after.id, after);
    else this.updated.set(after.id, after);
    return { line, outcome: Outcome.UPDATED, id, violations: [] };
  }

  private createRow(
    line: number,
    parent: Account | null,
    fields: AccountFields,
    externalId: string,
  ): RowResult {
    const id = randomUUID();
    const now = new Date();
    const account: Account = {
      ...fields,
      id,
      parentId: parent?.id ?? null,
      parentKey: parent?.id ?? TOP_LEVEL,
      path: [...(parent?.path ?? []), id],
      depth: parent === null ? 0 : parent.depth + 1,
      nameKey: nameKey(fields.name),
      externalId: externalId === '' ? null : externalId,
      createdAt: now,
      updatedAt: now,
    };
    if (parent !== null && this.assumed.has(parent.id)) this.assumed.add(id);
    this.remember(account);
    this.created.set(id, account);
    return { line, outcome: Outcome.CREATED, id: this.answeredId(account), violations: [] };
  }

  /** The resolved parent (account null: top level), or undefined with a violation. */
  private parentOf(
    parentId: string | undefined,
    parentExternalId: string | undefined,
    violations: FieldViolation[],
  ): Parent | undefined {
    const byId = parentId?.trim() || undefined;
    const byExternalId = parentExternalId?.trim() || undefined;
    if (byId !== undefined && byExternalId !== undefined) {
      violations.push({
        field: 'parent',
        message: 'give the parent by id or by external id, not both',
      });
      return undefined;
    }
    if (byId === undefined && byExternalId === undefined) return { account: null };
    const found =
      byId !== undefined
        ? isUuid(byId)
          ? this.byId.get(byId.toLowerCase())
          : undefined
        : this.byExternalId.get(byExternalId!);
    if (found !== undefined && this.visible(found)) return { account: found };
    if (
      found === undefined &&
      byExternalId !== undefined &&
      this.plannedExternalIds.has(byExternalId)
    )
      return { account: this.plannedParent(byExternalId) };
    violations.push(NO_SUCH_ACCOUNT);
    return undefined;
  }

  /**
   * A parent an earlier row of the import will create (check_only): taken as a manageable
   * top-level account, since where it will be is not known here (its own row is checked).
   */
  private plannedParent(externalId: string): Account {
    const id = randomUUID();
    const account = { id, path: [id], depth: 0, externalId } as Account;
    this.assumed.add(id);
    return account;
  }

  /** Why the caller may not import a row under this parent (null: top level), if refused. */
  private refusal(parent: Account | null): FieldViolation | undefined {
    if (parent === null)
      return isAllowed(this.caller, 'accounts.create', { platform: true })
        ? undefined
        : { field: 'parent', message: 'you may not create top-level accounts' };
    if (this.assumed.has(parent.id)) return undefined;
    return isAllowed(this.caller, 'accounts.manage', { accountIds: parent.path })
      ? undefined
      : { field: 'parent', message: 'you need accounts.manage on this account' };
  }

  private visible(account: Account): boolean {
    if (this.assumed.has(account.id)) return true;
    const target = { accountIds: account.path };
    return (['accounts.read', 'accounts.manage'] as const).some((permission) =>
      isAllowed(this.caller, permission, target),
    );
  }

  /** check_only creates nothing, so an account it would create has no id to answer. */
  private answeredId(account: Account): string {
    return this.checkOnly && this.created.has(account.id) ? '' : account.id;
  }

  private remember(account: Account): void {
    this.byId.set(account.id, account);
    if (account.externalId !== null) this.byExternalId.set(account.externalId, account);
    this.bySibling.set(siblingKey(account.parentKey, account.nameKey), account);
  }
}
