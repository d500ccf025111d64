import type { MessageInitShape } from '@bufbuild/protobuf';
import { Injectable } from '@nestjs/common';
import { accounts, identity, invitations, type common } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { RpcClient } from '@onramp/messaging';
import { valuesOf, type ParsedRow } from '../columns/column';
import { DRIVER_HEADERS, userColumns } from '../columns/user-columns';
import {
  resultOf,
  type ImportKindHandler,
  type JobContext,
  type RowResult,
  type StagedRow,
} from './kind';

const accountsApi = accounts.AccountsService.method;
const identityApi = identity.IdentityService.method;
const INVITATIONS_AT_ONCE = 8;
/**
 * Identity writes a call's users in one transaction, about a second per thousand on two vCPUs
 * under load: slices of 500 are answered well within the default 5 s RPC timeout.
 */
const USERS_PER_CALL = 500;

/**
 * Users files: each row a user and one membership (identity's ImportUsers), the driver fields in
 * the row's first account (accounts' ImportDrivers), and for users who are not migrated an
 * invitation (the invitations service), made once per row whatever the retries.
 */
@Injectable()
export class UsersKind implements ImportKindHandler {
  readonly columns = userColumns;
  readonly appliedInSteps = true;

  constructor(private readonly rpc: RpcClient) {}

  keyOf(values: ParsedRow): string {
    const row = valuesOf(values);
    return `${row.text('email')}:${[...row.list('accounts')].sort().join(',')}`;
  }

  async run(job: JobContext, rows: StagedRow[], checkOnly: boolean): Promise<RowResult[]> {
    const accountIds = await this.resolveAccounts(job.caller, rows);
    const results = new Map<number, RowResult>();
    const resolvable: StagedRow[] = [];
    for (const row of rows) {
      const unknown = valuesOf(row.values)
        .list('accounts')
        .filter((reference) => !accountIds.has(reference));
      if (unknown.length === 0) resolvable.push(row);
      else
        results.set(row.line, {
          line: row.line,
          outcome: 'invalid',
          entityId: '',
          violations: unknown.map((reference) => ({
            field: 'accounts',
            message: `no such account "${reference.slice(0, 60)}"`,
          })),
        });
    }
    const users = await this.importUsers(job, resolvable, accountIds, checkOnly);
    const drivers = await this.importDrivers(job, resolvable, users, accountIds, checkOnly);
    for (const row of resolvable) {
      const user = users.get(row.line)!;
      results.set(row.line, combined(user, drivers.get(row.line)));
    }
    if (!checkOnly && job.sendInvitations) await this.invite(job, resolvable, results, accountIds);
    return rows.map((row) => results.get(row.line)!);
  }

  async exportPage(caller: common.Caller, accountId: string | undefined, cursor?: string) {
    const page = await this.rpc.call(identityApi.exportUsers, {
      caller,
      accountId,
      cursor,
      limit: 1000,
    });
    const keys = page.members.flatMap(({ user, membership }) =>
      user && membership && membership.accountIds.length > 0
        ? [{ accountId: membership.accountIds[0], userId: user.id }]
        : [],
    );
    const drivers =
      keys.length === 0
        ? []
        : (await this.rpc.call(accountsApi.lookupDrivers, { caller, keys })).drivers;
    const driverOf = new Map(
      drivers.map((driver) => [`${driver.accountId}:${driver.userId}`, driver]),
    );
    return {
      rows: page.members.map(({ user, membership }) =>
        userCells(
          user!,
          membership!,
          driverOf.get(`${membership?.accountIds[0] ?? ''}:${user?.id ?? ''}`),
        ),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** Onramp ids and external ids of the rows' accounts, as the caller may see them. */
  private async resolveAccounts(caller: common.Caller, rows: StagedRow[]) {
    const references = [...new Set(rows.flatMap((row) => valuesOf(row.values).list('accounts')))];
    const resolved = new Map<string, string>();
    if (references.length === 0) return resolved;
    const answer = await this.rpc.call(accountsApi.resolveAccounts, { caller, references });
    for (const account of answer.accounts) resolved.set(account.reference, account.accountId);
    return resolved;
  }

  private async importUsers(
    job: JobContext,
    rows: StagedRow[],
    accountIds: ReadonlyMap<string, string>,
    checkOnly: boolean,
  ): Promise<Map<number, RowResult>> {
    const results = new Map<number, RowResult>();
    for (let at = 0; at < rows.length; at += USERS_PER_CALL) {
      const answer = await this.rpc.call(identityApi.importUsers, {
        caller: job.caller,
        importId: job.importId,
        onConflict: job.onConflict,
        checkOnly,
        rows: rows
          .slice(at, at + USERS_PER_CALL)
          .map(({ line, values }) => importedUser(line, values, accountIds)),
      });
      for (const result of answer.results) results.set(result.line, resultOf(result));
    }
    return results;
  }

  /** Driver fields of the rows that have any, for users identity took. */
  private async importDrivers(
    job: JobContext,
    rows: StagedRow[],
    users: ReadonlyMap<number, RowResult>,
    accountIds: ReadonlyMap<string, string>,
    checkOnly: boolean,
  ): Promise<Map<number, RowResult>> {
    const withProfile = rows.filter((row) => {
      const user = users.get(row.line)!;
      const values = valuesOf(row.values);
      return (
        (user.outcome === 'created' || user.outcome === 'updated' || user.outcome === 'skipped') &&
        values.list('accounts').length > 0 &&
        DRIVER_HEADERS.some((header) => {
          const value = row.values[header];
          return Array.isArray(value) ? value.length > 0 : value !== '' && value !== false;
        })
      );
    });
    if (withProfile.length === 0) return new Map();
    const answer = await this.rpc.call(accountsApi.importDrivers, {
      caller: job.caller,
      importId: job.importId,
      onConflict: job.onConflict,
      checkOnly,
      rows: withProfile.map(({ line, values }) =>
        importedDriver(line, values, users.get(line)!.entityId, accountIds),
      ),
    });
    return new Map(answer.results.map((result) => [result.line, resultOf(result)]));
  }

  /** One invitation per created user who is not migrated; the key makes a retry harmless. */
  private async invite(
    job: JobContext,
    rows: StagedRow[],
    results: Map<number, RowResult>,
    accountIds: ReadonlyMap<string, string>,
  ): Promise<void> {
    const invitees = rows.filter(
      (row) =>
        results.get(row.line)?.outcome === 'created' && !valuesOf(row.values).flag('migrated'),
    );
    for (let at = 0; at < invitees.length; at += INVITATIONS_AT_ONCE) {
      await Promise.all(
        invitees.slice(at, at + INVITATIONS_AT_ONCE).map(async (row) => {
          const result = results.get(row.line)!;
          try {
            const { invitation } = await this.rpc.call(
              invitations.InvitationsService.method.createInvitation,
              invitationOf(job, row, accountIds),
            );
            result.invitationId = invitation?.id ?? '';
          } catch (error) {
            if (!(error instanceof DomainError) || error.code === 'service_unavailable')
              throw error;
            results.set(row.line, {
              ...result,
              outcome: 'failed',
              violations: [
                {
                  field: 'email',
                  message: `the user was created, but not invited: ${error.detail}`,
                },
              ],
            });
          }
        }),
      );
    }
  }
}

/** The row's outcome: the user's, unless the driver fields failed or changed more. */
function combined(user: RowResult, driver: RowResult | undefined): RowResult {
  if (driver === undefined) return user;
  if (driver.outcome === 'invalid' || driver.outcome === 'failed')
    return { ...user, outcome: driver.outcome, violations: driver.violations };
  if (user.outcome === 'skipped' && driver.outcome !== 'skipped')
    return { ...user, outcome: 'updated' };
  return user;
}

function mapped(references: readonly string[], accountIds: ReadonlyMap<string, string>): string[] {
  return references.map((reference) => accountIds.get(reference)!);
}

function importedUser(
  line: number,
  values: ParsedRow,
  accountIds: ReadonlyMap<string, string>,
): MessageInitShape<typeof identity.ImportedUserSchema> {
  const row = valuesOf(values);
  const memberOf = mapped(row.list('accounts'), accountIds);
  const hash = row.text('passwordHash');
  return {
    line,
    email: row.text('email'),
    name: row.text('name'),
    language: row.text('defaultLangCode'),
    gender: row.text('contact.gender'),
    externalId: row.text('externalId'),
    migrated: row.flag('migrated'),
    ...(hash === '' ? {} : { passwordHash: hash }),
    membership: {
      platform: memberOf.length === 0,
      accountIds: memberOf,
      roles: [...row.list('roles')],
    },
  };
}

function importedDriver(
  line: number,
  values: ParsedRow,
  userId: string,
  accountIds: ReadonlyMap<string, string>,
): MessageInitShape<typeof accounts.ImportedDriverSchema> {
  const row = valuesOf(values);
  return {
    line,
    accountId: mapped(row.list('accounts'), accountIds)[0],
    userId,
    costCenterName: row.text('costCenter'),
    info1: row.text('info1'),
    info2: row.text('info2'),
    vehicle: {
      make: row.text('vehicle.make'),
      model: row.text('vehicle.model'),
      licencePlate: row.text('vehicle.licencePlate'),
    },
    userGroupNames: [...row.list('userGroups')],
    chargingCardUids: [...row.list('chargingCards')],
    prioritised: row.flag('prioritised'),
  };
}

function invitationOf(
  job: JobContext,
  row: StagedRow,
  accountIds: ReadonlyMap<string, string>,
): MessageInitShape<typeof invitations.CreateInvitationRequestSchema> {
  const values = valuesOf(row.values);
  const memberOf = mapped(values.list('accounts'), accountIds);
  const roles = [...values.list('roles')];
  return {
    caller: job.caller,
    email: values.text('email'),
    name: values.text('name'),
    language: values.text('defaultLangCode'),
    spec: {
      kind:
        memberOf.length === 0
          ? { case: 'systemUser', value: { roles } }
          : { case: 'accountUser', value: { accountIds: memberOf, role: roles[0] ?? '' } },
    },
    sendEmail: true,
    idempotencyKey: `import:${job.importId}:${row.line}`,
  };
}

/** A membership of a user in the users columns, as an import of it would read it. */
function userCells(
  user: identity.User,
  membership: identity.Membership,
  driver: accounts.ImportedDriver | undefined,
): string[] {
  const cells: Record<string, string> = {
    email: user.email,
    name: user.name,
    defaultLangCode: user.language,
    'contact.gender': user.gender,
    // Anyone past the invitation was a user already: imported again, they get no email.
    migrated: String(user.status !== 'invited'),
    externalId: user.externalId,
    passwordHash: '',
    accounts: membership.accountIds.join(','),
    roles: membership.roles.join(','),
    costCenter: driver?.costCenterName ?? '',
    info1: driver?.info1 ?? '',
    info2: driver?.info2 ?? '',
    'vehicle.make': driver?.vehicle?.make ?? '',
    'vehicle.model': driver?.vehicle?.model ?? '',
    'vehicle.licencePlate': driver?.vehicle?.licencePlate ?? '',
    userGroups: driver?.userGroupNames.join(',') ?? '',
    chargingCards: driver?.chargingCardUids.join(',') ?? '',
    prioritised: String(driver?.prioritised ?? false),
    status: user.status,
  };
  return userColumns.map((column) => cells[column.header] ?? '');
}
