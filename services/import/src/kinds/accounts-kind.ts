import type { MessageInitShape } from '@bufbuild/protobuf';
import { Injectable } from '@nestjs/common';
import { accounts, isUuid, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { accountColumns } from '../columns/account-columns';
import { valuesOf, type ParsedRow } from '../columns/column';
import { resultOf, type ImportKindHandler, type JobContext, type StagedRow } from './kind';

const method = accounts.AccountsService.method;

/** Accounts files: each row created or matched through accounts' ImportAccounts. */
@Injectable()
export class AccountsKind implements ImportKindHandler {
  readonly columns = accountColumns;
  readonly appliedInSteps = false;

  constructor(private readonly rpc: RpcClient) {}

  keyOf(values: ParsedRow): string {
    const row = valuesOf(values);
    const externalId = row.text('externalId');
    return externalId !== ''
      ? `external:${externalId}`
      : `name:${row.text('parent')}:${row.text('name').toLowerCase()}`;
  }

  async run(job: JobContext, rows: StagedRow[], checkOnly: boolean) {
    const answer = await this.rpc.call(method.importAccounts, {
      caller: job.caller,
      importId: job.importId,
      onConflict: job.onConflict,
      checkOnly,
      rows: rows.map(({ line, values }) => importedAccount(line, values)),
      // Parents an earlier row of the file creates: a dry run cannot find them yet.
      plannedExternalIds: checkOnly ? (job.plannedExternalIds ?? []) : [],
    });
    return answer.results.map(resultOf);
  }

  async exportPage(caller: common.Caller, _accountId: string | undefined, cursor?: string) {
    const page = await this.rpc.call(method.exportAccounts, { caller, cursor, limit: 1000 });
    return { rows: page.accounts.map(accountCells), nextCursor: page.nextCursor };
  }
}

function importedAccount(
  line: number,
  values: ParsedRow,
): MessageInitShape<typeof accounts.ImportedAccountSchema> {
  const row = valuesOf(values);
  const parent = row.text('parent');
  return {
    line,
    externalId: row.text('externalId'),
    ...(parent !== '' && !isUuid(parent) ? { parentExternalId: parent } : {}),
    account: {
      ...(isUuid(parent) ? { parentId: parent } : {}),
      relation: row.text('relation'),
      name: row.text('name'),
      type: row.text('type'),
      company: {
        legalName: row.text('company.legalName'),
        registrationNumber: row.text('company.registrationNumber'),
        vatNumber: row.text('company.vatNumber'),
      },
      billingAddress: {
        line1: row.text('billing.line1'),
        line2: row.text('billing.line2'),
        postalCode: row.text('billing.postalCode'),
        city: row.text('billing.city'),
        country: row.text('billing.country'),
      },
      contact: {
        name: row.text('contact.name'),
        phone: row.text('contact.phone'),
        email: row.text('contact.email'),
        gender: row.text('contact.gender'),
      },
      language: row.text('language'),
      plan: row.text('plan'),
      featureFlags: [...row.list('featureFlags')],
      paymentReference: row.text('paymentReference'),
      reimbursementRateEurPerKwh: row.text('reimbursementRate'),
      stationIssueEmails: row.flag('stationIssueEmails'),
      licence: row.text('licence'),
      level: row.text('level'),
    },
  };
}

/** An account in the accounts columns, as an import of it would read it. */
function accountCells(account: accounts.Account): string[] {
  const cells: Record<string, string> = {
    externalId: account.externalId,
    parent: account.parentExternalId || (account.parentId ?? ''),
    relation: account.relation,
    name: account.name,
    type: account.type,
    'company.legalName': account.company?.legalName ?? '',
    'company.registrationNumber': account.company?.registrationNumber ?? '',
    'company.vatNumber': account.company?.vatNumber ?? '',
    'billing.line1': account.billingAddress?.line1 ?? '',
    'billing.line2': account.billingAddress?.line2 ?? '',
    'billing.postalCode': account.billingAddress?.postalCode ?? '',
    'billing.city': account.billingAddress?.city ?? '',
    'billing.country': account.billingAddress?.country ?? '',
    'contact.name': account.contact?.name ?? '',
    'contact.phone': account.contact?.phone ?? '',
    'contact.email': account.contact?.email ?? '',
    'contact.gender': account.contact?.gender ?? '',
    language: account.language,
    plan: account.plan,
    featureFlags: account.featureFlags.join(','),
    paymentReference: account.paymentReference,
    reimbursementRate: account.reimbursementRateEurPerKwh,
    stationIssueEmails: String(account.stationIssueEmails),
    licence: account.licence,
    level: account.level,
  };
  return accountColumns.map((column) => cells[column.header] ?? '');
}
