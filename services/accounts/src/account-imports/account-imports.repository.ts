import { Inject, Injectable } from '@nestjs/common';
import type { AccessScope } from '@onramp/authz';
import { DATABASE } from '@onramp/persistence';
import { Prisma, type Account, type PrismaClient } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

/** Each field's column (schema.prisma's @map). */
const COLUMNS: Record<keyof Account, string> = {
  id: 'id',
  parentId: 'parent_id',
  parentKey: 'parent_key',
  path: 'path',
  depth: 'depth',
  relation: 'relation',
  name: 'name',
  nameKey: 'name_key',
  type: 'type',
  companyLegalName: 'company_legal_name',
  companyRegistrationNumber: 'company_registration_number',
  companyVatNumber: 'company_vat_number',
  billingLine1: 'billing_line1',
  billingLine2: 'billing_line2',
  billingPostalCode: 'billing_postal_code',
  billingCity: 'billing_city',
  billingCountry: 'billing_country',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
  contactGender: 'contact_gender',
  externalId: 'external_id',
  language: 'language',
  plan: 'plan',
  featureFlags: 'feature_flags',
  paymentReference: 'payment_reference',
  reimbursementRate: 'reimbursement_rate_eur_per_kwh',
  stationIssueEmails: 'station_issue_emails',
  licence: 'licence',
  status: 'status',
  level: 'level',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** The accounts a chunk of an import reads and writes, each read one query for the chunk. */
@Injectable()
export class AccountImportsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  /** Accounts with one of these ids or external ids. */
  byIdsOrExternalIds(ids: string[], externalIds: string[]): Promise<Account[]> {
    if (ids.length === 0 && externalIds.length === 0) return Promise.resolve([]);
    return this.database.account.findMany({
      where: { OR: [{ id: { in: ids } }, { externalId: { in: externalIds } }] },
    });
  }

  /**
   * Accounts with one of these (parent key, name key) pairs, in one query: those with any of the
   * parent keys and any of the names (the unique index answers it), kept if their pair is asked.
   */
  async bySiblingNames(pairs: { parentKey: string; nameKey: string }[]): Promise<Account[]> {
    if (pairs.length === 0) return [];
    const wanted = new Set(pairs.map((pair) => `${pair.parentKey}/${pair.nameKey}`));
    const candidates = await this.database.account.findMany({
      where: {
        parentKey: { in: [...new Set(pairs.map((pair) => pair.parentKey))] },
        nameKey: { in: [...new Set(pairs.map((pair) => pair.nameKey))] },
      },
    });
    return candidates.filter((account) => wanted.has(`${account.parentKey}/${account.nameKey}`));
  }

  /**
   * New accounts in one statement, parents before their sub-accounts: the rows travel as one JSON
   * parameter (a multi-row VALUES of 1,000 accounts would bind some 35,000 parameters).
   */
  async createMany(transaction: Transaction, rows: Account[]): Promise<void> {
    if (rows.length === 0) return;
    const records = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([field, value]) => [
          COLUMNS[field as keyof Account],
          value instanceof Prisma.Decimal ? value.toString() : value,
        ]),
      ),
    );
    await transaction.$executeRaw`
      INSERT INTO "accounts"."accounts"
      SELECT * FROM json_populate_recordset(NULL::"accounts"."accounts", ${JSON.stringify(records)}::json)`;
  }

  update(
    transaction: Transaction,
    id: string,
    data: Prisma.AccountUncheckedUpdateInput,
  ): Promise<Account> {
    return transaction.account.update({ where: { id }, data });
  }

  /** A page of the export: in (depth, id) order within the scope, after the cursor. */
  exportPage(
    scope: AccessScope,
    after: { depth: number; id: string } | undefined,
    take: number,
  ): Promise<Account[]> {
    const where: Prisma.AccountWhereInput[] = [];
    if (!scope.everywhere) where.push({ path: { hasSome: [...scope.accountIds] } });
    if (after !== undefined)
      where.push({
        OR: [{ depth: { gt: after.depth } }, { depth: after.depth, id: { gt: after.id } }],
      });
    return this.database.account.findMany({
      where: { AND: where },
      orderBy: [{ depth: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  /** The external ids of these accounts (those that have one). */
  async externalIdsOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.database.account.findMany({
      where: { id: { in: ids }, externalId: { not: null } },
      select: { id: true, externalId: true },
    });
    return new Map(rows.map((row) => [row.id, row.externalId!]));
  }
}
